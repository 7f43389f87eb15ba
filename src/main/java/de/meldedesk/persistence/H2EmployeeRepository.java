package de.meldedesk.persistence;

import de.meldedesk.domain.Employee;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.StoredEmployee;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** {@link EmployeeRepository} on the H2 database. */
public final class H2EmployeeRepository implements EmployeeRepository {

    private static final String SELECT = "SELECT id, company_id, employee_id, changed_at, changed_source, "
            + EmployeeColumns.NAMES + " FROM employees";

    private final Database database;
    private final Clock clock;

    H2EmployeeRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public UpsertResult upsert(long companyId, String employeeId, Employee employee, String source) {
        return store(companyId, employeeId, employee, source, false);
    }

    @Override
    public UpsertResult merge(long companyId, String employeeId, Employee employee, String source) {
        return store(companyId, employeeId, employee, source, true);
    }

    @Override
    public List<UpsertResult> mergeAll(long companyId, List<Merge> merges) {
        Instant now = clock.instant();
        List<UpsertResult> results = new ArrayList<>(merges.size());
        for (int from = 0; from < merges.size(); from += Database.MAX_ROWS_PER_TRANSACTION) {
            List<Merge> part = merges.subList(from, Math.min(merges.size(), from + Database.MAX_ROWS_PER_TRANSACTION));
            results.addAll(database.transaction(c -> {
                List<UpsertResult> done = new ArrayList<>(part.size());
                for (Merge merge : part) {
                    done.add(storeIn(c, companyId, merge.employeeId(), merge.employee(), merge.source(), true, now));
                }
                return done;
            }));
        }
        return results;
    }

    private UpsertResult store(long companyId, String employeeId, Employee employee, String source, boolean keepUnset) {
        Instant now = clock.instant();
        return database.transaction(c -> storeIn(c, companyId, employeeId, employee, source, keepUnset, now));
    }

    private UpsertResult storeIn(Connection c, long companyId, String employeeId, Employee employee, String source,
            boolean keepUnset, Instant now) throws SQLException {
        Optional<StoredEmployee> stored = find(c, companyId, employeeId);
        Employee before = stored.map(StoredEmployee::employee).orElse(Employee.EMPTY);
        Object[] values = new Object[EmployeeColumns.ALL.size()];
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            EmployeeColumns.Column column = EmployeeColumns.ALL.get(i);
            Object old = column.value().apply(before);
            Object given = column.value().apply(employee);
            values[i] = keepUnset && given == null ? old : given;
            if (!Objects.equals(old, values[i])) {
                changed.add(column.path());
            }
        }
        long id;
        if (stored.isEmpty()) {
            id = insert(c, companyId, employeeId, values, now, source);
        } else {
            id = stored.get().id();
            if (!changed.isEmpty()) {
                update(c, id, values, now, source);
            }
        }
        if (stored.isPresent()) {
            recordChanges(c, id, before, values, changed, now, source);
        }
        return new UpsertResult(id, stored.isEmpty(), changed);
    }

    private static long insert(Connection c, long companyId, String employeeId, Object[] values, Instant now,
            String source) throws SQLException {
        String placeholders = "?, ".repeat(values.length);
        String sql = "INSERT INTO employees (" + EmployeeColumns.NAMES
                + ", name_key, first_name_key, company_id, employee_id, created_at, changed_at, changed_source)"
                + " VALUES (" + placeholders + "?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int next = bindValues(s, values);
            s.setLong(next++, companyId);
            s.setString(next++, employeeId);
            Rows.setInstant(s, next++, now);
            Rows.setInstant(s, next++, now);
            s.setString(next, source);
            s.executeUpdate();
            return Rows.generatedId(s);
        }
    }

    private static void update(Connection c, long id, Object[] values, Instant now, String source)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE employees SET ");
        for (EmployeeColumns.Column column : EmployeeColumns.ALL) {
            sql.append(column.column()).append(" = ?, ");
        }
        sql.append("name_key = ?, first_name_key = ?, changed_at = ?, changed_source = ? WHERE id = ?");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int next = bindValues(s, values);
            Rows.setInstant(s, next++, now);
            s.setString(next++, source);
            s.setLong(next, id);
            s.executeUpdate();
        }
    }

    /** Binds the master-data values and the two name keys; returns the next free parameter index. */
    private static int bindValues(PreparedStatement s, Object[] values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            if (value instanceof LocalDate date) {
                Rows.setDate(s, index, date);
            } else if (value instanceof Boolean flag) {
                s.setBoolean(index, flag);
            } else if (value == null) {
                s.setNull(index, Types.NULL);
            } else {
                s.setString(index, value.toString());
            }
            index++;
        }
        // EmployeeColumns.ALL starts with title, first name, last name.
        String firstName = (String) values[1];
        String lastName = (String) values[2];
        s.setString(index++, Rows.searchKey(lastName, firstName));
        s.setString(index++, Rows.searchKey(firstName));
        return index;
    }

    private static void recordChanges(Connection c, long id, Employee before, Object[] values, List<String> changed,
            Instant now, String source) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO employee_changes (employee_row, field_path, old_value, new_value, changed_at,"
                + " changed_source) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                EmployeeColumns.Column column = EmployeeColumns.ALL.get(i);
                if (!changed.contains(column.path())) {
                    continue;
                }
                s.setLong(1, id);
                s.setString(2, column.path());
                s.setString(3, EmployeeColumns.text(column.value().apply(before)));
                s.setString(4, EmployeeColumns.text(values[i]));
                Rows.setInstant(s, 5, now);
                s.setString(6, source);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public Optional<StoredEmployee> find(long companyId, String employeeId) {
        return database.transaction(c -> find(c, companyId, employeeId));
    }

    private static Optional<StoredEmployee> find(Connection c, long companyId, String employeeId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE company_id = ? AND employee_id = ?")) {
            s.setLong(1, companyId);
            s.setString(2, employeeId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<StoredEmployee> search(Long companyId, String text, int limit) {
        String term = text == null ? "" : text.strip();
        String nameTerm = Rows.likePrefix(term.toLowerCase(Locale.ROOT));
        String idTerm = Rows.likePrefix(term);
        String sql = SELECT + " WHERE (name_key LIKE ? ESCAPE '\\' OR first_name_key LIKE ? ESCAPE '\\'"
                + " OR employee_id LIKE ? ESCAPE '\\' OR personnel_number LIKE ? ESCAPE '\\')"
                + (companyId == null ? "" : " AND company_id = ?")
                + " ORDER BY name_key, employee_id LIMIT ?";
        return database.transaction(c -> {
            List<StoredEmployee> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int index = 1;
                s.setString(index++, nameTerm);
                s.setString(index++, nameTerm);
                s.setString(index++, idTerm);
                s.setString(index++, idTerm);
                if (companyId != null) {
                    s.setLong(index++, companyId);
                }
                s.setInt(index, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<EmployeeChange> changes(long companyId, String employeeId) {
        String sql = "SELECT ch.field_path, ch.old_value, ch.new_value, ch.changed_at, ch.changed_source"
                + " FROM employee_changes ch JOIN employees e ON e.id = ch.employee_row"
                + " WHERE e.company_id = ? AND e.employee_id = ? ORDER BY ch.id";
        return database.transaction(c -> {
            List<EmployeeChange> changes = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, companyId);
                s.setString(2, employeeId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new EmployeeChange(rs.getString("field_path"), rs.getString("old_value"),
                                rs.getString("new_value"), Rows.getInstant(rs, "changed_at"),
                                rs.getString("changed_source")));
                    }
                }
            }
            return changes;
        });
    }

    private static StoredEmployee read(ResultSet rs) throws SQLException {
        return new StoredEmployee(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("employee_id"),
                EmployeeColumns.read(rs),
                Rows.getInstant(rs, "changed_at"),
                rs.getString("changed_source"));
    }
}
