package de.meldedesk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.wire.CareflexJson;
import de.meldedesk.wire.WireFormatException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link IncidentRepository} on the H2 database. */
public final class H2IncidentRepository implements IncidentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(H2IncidentRepository.class);

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() { };

    private static final String SELECT = "SELECT i.id, i.company_id, co.careflex_id, i.incident_json, i.status,"
            + " i.error_count, i.warning_count, i.problems_json, i.source_file, i.source_sheet,"
            + " i.row_number_in_file, i.source_hash, i.invalid_input, i.submission_id, i.incident_id, i.import_id,"
            + " i.outcome_text, i.corrects_incident, i.created_at, i.updated_at, i.deleted_at"
            + " FROM incidents i JOIN companies co ON co.id = i.company_id";

    /** The columns derived from the incident, bound by {@link #bindIncident}. */
    private static final String INCIDENT_COLUMNS = "external_id, incident_type, employee_id, created_at_date,"
            + " valid_from, first_name, last_name, personnel_number, name_key, first_name_key, incident_json,"
            + " invalid_input, status, error_count, warning_count, problems_json";

    private static final int INCIDENT_COLUMN_COUNT = 16;

    /** Statuses of incidents that reached, or may have reached, the portal. */
    private static final String SENT_STATUSES = "('ACCEPTED', 'REJECTED', 'UNKNOWN', 'SENDING')";

    private static final String EDITABLE_STATUSES = Arrays.stream(IncidentStatus.values())
            .filter(IncidentStatus::isEditable)
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final Database database;
    private final Clock clock;

    H2IncidentRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Long> insertDrafts(List<Draft> drafts) {
        return insert(drafts, null);
    }

    @Override
    public List<Long> insertImportedDrafts(List<Draft> drafts, long batch) {
        // Small transactions, because the batch already makes the import whole or nothing.
        List<Long> ids = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += Database.MAX_ROWS_PER_TRANSACTION) {
            ids.addAll(insert(drafts.subList(from, Math.min(drafts.size(), from + Database.MAX_ROWS_PER_TRANSACTION)),
                    batch));
        }
        return ids;
    }

    private List<Long> insert(List<Draft> drafts, Long batch) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String sql = "INSERT INTO incidents (" + INCIDENT_COLUMNS + ", company_id, source_file, source_sheet,"
                + " row_number_in_file, source_hash, corrects_incident, created_at, updated_at, import_batch) VALUES ("
                + "?, ".repeat(INCIDENT_COLUMN_COUNT) + "?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Long> ids = database.transaction(c -> {
            Map<Long, Map<String, String[]>> namesByCompany = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (Draft draft : drafts) {
                    Map<String, String[]> names = namesByCompany.computeIfAbsent(draft.companyId(),
                            companyId -> employeeNames(c, companyId));
                    int next = bindIncident(s, draft.incident(), draft.status(), draft.problems(),
                            draft.invalidInput(), names);
                    Source source = draft.source();
                    s.setLong(next++, draft.companyId());
                    s.setString(next++, source.fileName());
                    s.setString(next++, source.sheet());
                    Rows.setInteger(s, next++, source.rowNumber());
                    s.setString(next++, source.fileHash());
                    Rows.setLong(s, next++, draft.correctsIncident());
                    Rows.setInstant(s, next++, now);
                    Rows.setInstant(s, next++, now);
                    Rows.setLong(s, next, batch);
                    s.addBatch();
                }
                s.executeBatch();
                List<Long> generated = new ArrayList<>(drafts.size());
                try (ResultSet keys = s.getGeneratedKeys()) {
                    while (keys.next()) {
                        generated.add(keys.getLong(1));
                    }
                }
                if (generated.size() != drafts.size()) {
                    throw new SQLException("expected " + drafts.size() + " generated ids, got " + generated.size());
                }
                return generated;
            }
        });
        LOG.info("Inserted {} drafts", ids.size());
        return ids;
    }

    @Override
    public long beginImport(String sourceName) {
        return database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO import_batches (source_file, started_at) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, sourceName);
                Rows.setInstant(s, 2, clock.instant());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void completeImport(long batch) {
        int changed = database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE import_batches SET completed_at = ? WHERE id = ? AND completed_at IS NULL")) {
                Rows.setInstant(s, 1, clock.instant());
                s.setLong(2, batch);
                return s.executeUpdate();
            }
        });
        if (changed != 1) {
            throw new IllegalStateException("import batch " + batch + " not found or already completed");
        }
    }

    @Override
    public int discardImport(long batch) {
        String open = "import_batch = " + batch
                + " AND import_batch IN (SELECT id FROM import_batches WHERE completed_at IS NULL)";
        return discard(open, "id = " + batch + " AND completed_at IS NULL");
    }

    @Override
    public int discardIncompleteImports() {
        // Also drafts whose batch row is missing. No import runs while the store opens, so every open batch is cut off.
        int discarded = discard("import_batch IS NOT NULL AND import_batch"
                + " NOT IN (SELECT id FROM import_batches WHERE completed_at IS NOT NULL)", "completed_at IS NULL");
        if (discarded > 0) {
            LOG.warn("{} drafts of an import that did not complete were removed", discarded);
        }
        return discarded;
    }

    /**
     * Deletes the incidents matching {@code incidents} and the batches matching
     * {@code batches}, both conditions built in this class. An incident that
     * was sent in the short time before its import failed stays, without its batch.
     */
    private int discard(String incidents, String batches) {
        int drafts = 0;
        int deleted;
        do {
            // A few hundred rows per transaction, like the import that stored them.
            deleted = database.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM incidents WHERE " + incidents + " AND status NOT IN "
                            + SENT_STATUSES + " FETCH FIRST " + Database.MAX_ROWS_PER_TRANSACTION + " ROWS ONLY");
                }
            });
            drafts += deleted;
        } while (deleted > 0);
        database.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE incidents SET import_batch = NULL WHERE " + incidents);
                s.executeUpdate("DELETE FROM import_batches WHERE " + batches);
                return null;
            }
        });
        return drafts;
    }

    @Override
    public StoredIncident updateDraft(long id, Incident incident, IncidentStatus status, List<Problem> problems,
            Map<String, String> invalidInput) {
        if (status == IncidentStatus.SENDING || !status.isEditable()) {
            throw new IllegalArgumentException("a draft cannot be given status " + status);
        }
        return database.transaction(c -> {
            StoredIncident stored = find(c, id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
            if (!stored.status().isEditable() || stored.isDeleted()) {
                throw new IllegalStateException("incident " + id + " is " + stored.status()
                        + (stored.isDeleted() ? " and in the bin" : "") + " and cannot be edited");
            }
            String sql = "UPDATE incidents SET " + INCIDENT_COLUMNS.replace(",", " = ?,") + " = ?, updated_at = ?"
                    + " WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int next = bindIncident(s, incident, status, problems, invalidInput,
                        employeeNames(c, stored.companyId()));
                Rows.setInstant(s, next++, clock.instant());
                s.setLong(next, id);
                s.executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /** Binds the {@link #INCIDENT_COLUMNS} from parameter 1 on; returns the next free index. */
    private static int bindIncident(PreparedStatement s, Incident incident, IncidentStatus status,
            List<Problem> problems, Map<String, String> invalidInput, Map<String, String[]> names)
            throws SQLException {
        String firstName = incident.employee().firstName();
        String lastName = incident.employee().lastName();
        String personnelNumber = incident.employee().job().personnelNumber();
        String[] known = incident.employeeId() == null ? null : names.get(incident.employeeId());
        if (known != null && firstName == null && lastName == null) {
            firstName = known[0];
            lastName = known[1];
        }
        if (known != null && personnelNumber == null) {
            personnelNumber = known[2];
        }
        long errors = problems.stream().filter(Problem::isError).count();
        int index = 1;
        s.setString(index++, incident.externalId());
        s.setString(index++, incident.type());
        s.setString(index++, incident.employeeId());
        Rows.setDate(s, index++, incident.createdAt());
        Rows.setDate(s, index++, incident.validFrom());
        s.setString(index++, firstName);
        s.setString(index++, lastName);
        s.setString(index++, personnelNumber);
        s.setString(index++, Rows.searchKey(lastName, firstName));
        s.setString(index++, Rows.searchKey(firstName));
        s.setString(index++, CareflexJson.writeIncident(incident));
        s.setString(index++, Rows.writeJson(invalidInput == null ? Map.of() : invalidInput));
        s.setString(index++, status.name());
        s.setInt(index++, (int) errors);
        s.setInt(index++, problems.size() - (int) errors);
        s.setString(index++, Rows.writeJson(problems));
        return index;
    }

    /**
     * Returns first name, last name and personnel number per employee ID of
     * a company's master data. The search columns of an incident without
     * master data (such as type WIK) take the names from there.
     */
    private static Map<String, String[]> employeeNames(Connection c, long companyId) {
        Map<String, String[]> names = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT employee_id, first_name, last_name, personnel_number FROM employees WHERE company_id = ?")) {
            s.setLong(1, companyId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading employee names failed: " + e.getMessage(), e);
        }
        return names;
    }

    @Override
    public Optional<StoredIncident> findById(long id) {
        return database.transaction(c -> find(c, id));
    }

    private static Optional<StoredIncident> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE i.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<StoredIncident> list(IncidentFilter filter) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + where(filter, args) + " ORDER BY i.id LIMIT ? OFFSET ?";
        args.add(filter.limit());
        args.add(filter.offset());
        return database.read(c -> query(c, sql, args));
    }

    @Override
    public long count(IncidentFilter filter) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM incidents i" + where(filter, args);
        return database.transaction(c -> countQuery(c, sql, args));
    }

    private static String where(IncidentFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(filter.inBin() ? " WHERE i.deleted_at IS NOT NULL"
                : " WHERE i.deleted_at IS NULL");
        if (filter.companyId() != null) {
            where.append(" AND i.company_id = ?");
            args.add(filter.companyId());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" AND i.status IN (").append("?, ".repeat(filter.statuses().size() - 1)).append("?)");
            filter.statuses().forEach(status -> args.add(status.name()));
        }
        if (filter.type() != null) {
            where.append(" AND i.incident_type = ?");
            args.add(filter.type());
        }
        if (filter.validFromMonth() != null) {
            where.append(" AND i.valid_from >= ? AND i.valid_from < ?");
            args.add(filter.validFromMonth().atDay(1));
            args.add(filter.validFromMonth().plusMonths(1).atDay(1));
        }
        return where.toString();
    }

    @Override
    public int softDelete(List<Long> ids) {
        return updateEach("UPDATE incidents SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL"
                + " AND status IN " + EDITABLE_STATUSES, 2, ids);
    }

    @Override
    public int undelete(List<Long> ids) {
        return updateEach("UPDATE incidents SET deleted_at = NULL, updated_at = ? WHERE id = ?"
                + " AND deleted_at IS NOT NULL", 1, ids);
    }

    /**
     * Runs {@code sql} once per id in one batch, with the current time in the
     * first {@code timestamps} parameters and the id after them; returns the rows changed.
     */
    private int updateEach(String sql, int timestamps, List<Long> ids) {
        Instant now = clock.instant();
        return database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (long id : ids) {
                    for (int i = 1; i <= timestamps; i++) {
                        Rows.setInstant(s, i, now);
                    }
                    s.setLong(timestamps + 1, id);
                    s.addBatch();
                }
                return Arrays.stream(s.executeBatch()).sum();
            }
        });
    }

    @Override
    public List<StoredIncident> findDuplicates(long companyId, String employeeId, String type, LocalDate validFrom,
            Long excludeId) {
        String sql = SELECT + " WHERE i.company_id = ? AND i.employee_id = ? AND i.incident_type = ?"
                + " AND i.valid_from = ? AND i.deleted_at IS NULL AND i.id <> ? ORDER BY i.id";
        List<Object> args = List.of(companyId, employeeId, type, validFrom, excludeId == null ? -1L : excludeId);
        return database.read(c -> query(c, sql, args));
    }

    @Override
    public List<StoredIncident> findByEmployeeIds(long companyId, Collection<String> employeeIds) {
        List<String> wanted = new ArrayList<>(new java.util.LinkedHashSet<>(employeeIds));
        List<StoredIncident> found = new ArrayList<>();
        // Chunks keep the IN list within what every database accepts as parameters.
        int chunk = 500;
        for (int from = 0; from < wanted.size(); from += chunk) {
            List<String> part = wanted.subList(from, Math.min(wanted.size(), from + chunk));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            String sql = SELECT + " WHERE i.company_id = ? AND i.deleted_at IS NULL AND i.employee_id IN (" + marks
                    + ") ORDER BY i.id";
            List<Object> args = new ArrayList<>();
            args.add(companyId);
            args.addAll(part);
            found.addAll(database.read(c -> query(c, sql, args)));
        }
        return found;
    }

    @Override
    public void markSending(List<Long> ids, long submissionId) {
        Instant now = clock.instant();
        database.transaction(c -> {
            String sql = "UPDATE incidents SET status = 'SENDING', submission_id = ?, outcome_text = NULL,"
                    + " updated_at = ? WHERE id = ? AND deleted_at IS NULL AND status IN " + EDITABLE_STATUSES;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (long id : ids) {
                    s.setLong(1, submissionId);
                    Rows.setInstant(s, 2, now);
                    s.setLong(3, id);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        throw new IllegalStateException("incident " + ids.get(i)
                                + " was sent, is being sent or is in the bin; nothing was marked");
                    }
                }
            }
            return null;
        });
        LOG.info("Marked {} incidents as sending in submission {}", ids.size(), submissionId);
    }

    @Override
    public void recordAccepted(long submissionId, String importId, Map<Long, String> incidentIds) {
        Instant now = clock.instant();
        database.transaction(c -> {
            String sql = "UPDATE incidents SET status = 'ACCEPTED', incident_id = ?, import_id = ?, outcome_text = NULL,"
                    + " updated_at = ? WHERE id = ? AND submission_id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                List<Long> ids = new ArrayList<>(incidentIds.keySet());
                for (long id : ids) {
                    s.setString(1, incidentIds.get(id));
                    s.setString(2, importId);
                    Rows.setInstant(s, 3, now);
                    s.setLong(4, id);
                    s.setLong(5, submissionId);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 1) {
                        throw new IllegalArgumentException("incident " + ids.get(i) + " is not part of submission "
                                + submissionId);
                    }
                }
            }
            return null;
        });
        LOG.info("Recorded {} accepted incidents of submission {}, import {}", incidentIds.size(), submissionId,
                importId);
    }

    @Override
    public int recordOutcome(long submissionId, IncidentStatus status, String errorText) {
        if (status == IncidentStatus.SENDING || status == IncidentStatus.DRAFT || status == IncidentStatus.READY) {
            throw new IllegalArgumentException("not an outcome of a request: " + status);
        }
        int changed = database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE incidents SET status = ?, outcome_text = ?,"
                    + " updated_at = ? WHERE submission_id = ? AND status IN ('SENDING', 'UNKNOWN')")) {
                s.setString(1, status.name());
                s.setString(2, errorText);
                Rows.setInstant(s, 3, clock.instant());
                s.setLong(4, submissionId);
                return s.executeUpdate();
            }
        });
        LOG.info("Recorded outcome {} for {} incidents of submission {}", status, changed, submissionId);
        return changed;
    }

    @Override
    public int markInterruptedAsUnknown() {
        int changed = database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE incidents SET status = 'UNKNOWN', updated_at = ? WHERE status = 'SENDING'")) {
                Rows.setInstant(s, 1, clock.instant());
                return s.executeUpdate();
            }
        });
        if (changed > 0) {
            LOG.warn("{} incidents were being sent when the program stopped; their outcome is now unknown", changed);
        }
        return changed;
    }

    @Override
    public int releaseUnknown(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE incidents SET status = 'READY', updated_at = ? WHERE id = ? AND status = 'UNKNOWN'")) {
                for (Long id : ids) {
                    Rows.setInstant(s, 1, clock.instant());
                    s.setLong(2, id);
                    s.addBatch();
                }
                int released = 0;
                for (int count : s.executeBatch()) {
                    released += Math.max(count, 0);
                }
                return released;
            }
        });
    }

    @Override
    public List<StoredIncident> searchHistory(String text, int limit, int offset) {
        return searchHistory(HistoryFilter.text(text), limit, offset);
    }

    @Override
    public long countHistory(String text) {
        return countHistory(HistoryFilter.text(text));
    }

    @Override
    public List<StoredIncident> searchHistory(HistoryFilter filter, int limit, int offset) {
        List<Object> args = new ArrayList<>();
        String sql = SELECT + historyWhere(filter, args) + " ORDER BY i.submission_id DESC, i.id LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return database.read(c -> query(c, sql, args));
    }

    @Override
    public long countHistory(HistoryFilter filter) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM incidents i" + historyWhere(filter, args);
        return database.transaction(c -> countQuery(c, sql, args));
    }

    /**
     * Builds the condition of the history search. Each alternative is its own
     * indexed sub-select joined by UNION, because H2 does not use several
     * indexes for one OR condition and would scan every sent incident.
     */
    private static String historyWhere(HistoryFilter filter, List<Object> args) {
        String where = " WHERE i.status IN " + SENT_STATUSES + " AND i.deleted_at IS NULL"
                + historyNarrowing(filter, args);
        String term = filter.text() == null ? "" : filter.text().strip();
        if (term.isEmpty()) {
            return where;
        }
        String namePrefix = Rows.likePrefix(term.toLowerCase(Locale.ROOT));
        String[] exactColumns = {"employee_id", "personnel_number", "incident_id", "import_id", "external_id"};
        StringBuilder union = new StringBuilder();
        for (String column : exactColumns) {
            union.append("SELECT id FROM incidents WHERE ").append(column).append(" = ? UNION ");
            args.add(term);
        }
        union.append("SELECT id FROM incidents WHERE name_key LIKE ? ESCAPE '\\' UNION ");
        union.append("SELECT id FROM incidents WHERE first_name_key LIKE ? ESCAPE '\\'");
        args.add(namePrefix);
        args.add(namePrefix);
        // The plain SELECT around the UNION lets H2 2.5 evaluate it once: "i.id IN (union)" ran the union again
        // for every row, which took minutes for a name shared by 12,500 of 100,000 sent incidents.
        return where + " AND i.id IN (SELECT hits.id FROM (" + union + ") hits)";
    }

    /** Builds the conditions for company, type, request, status and send time; empty when the filter has none. */
    private static String historyNarrowing(HistoryFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (filter.companyId() != null) {
            where.append(" AND i.company_id = ?");
            args.add(filter.companyId());
        }
        if (filter.type() != null) {
            where.append(" AND i.incident_type = ?");
            args.add(filter.type());
        }
        if (filter.submissionId() != null) {
            where.append(" AND i.submission_id = ?");
            args.add(filter.submissionId());
        }
        if (filter.status() != null) {
            where.append(" AND i.status = ?");
            args.add(filter.status().name());
        }
        if (filter.sentFrom() != null || filter.sentTo() != null) {
            where.append(" AND i.submission_id IN (SELECT id FROM submissions WHERE started_at >= ?"
                    + " AND started_at < ?)");
            Instant from = filter.sentFrom() == null ? Instant.EPOCH : filter.sentFrom();
            Instant to = filter.sentTo() == null ? Instant.parse("9999-12-31T00:00:00Z") : filter.sentTo();
            args.add(from.atOffset(ZoneOffset.UTC));
            args.add(to.atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }

    private static List<StoredIncident> query(Connection c, String sql, List<Object> args) throws SQLException {
        List<StoredIncident> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
        }
        return found;
    }

    private static long countQuery(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static StoredIncident read(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Incident incident;
        List<Problem> problems;
        try {
            incident = CareflexJson.readIncident(rs.getString("incident_json"));
            problems = CareflexJson.MAPPER.readValue(rs.getString("problems_json"), PROBLEMS);
        } catch (WireFormatException | JsonProcessingException e) {
            throw new StoreException("stored incident " + id + " cannot be read: " + e.getMessage(), e);
        }
        return new StoredIncident(
                id,
                rs.getLong("company_id"),
                rs.getString("careflex_id"),
                incident,
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getInt("error_count"),
                rs.getInt("warning_count"),
                problems,
                new Source(rs.getString("source_file"), rs.getString("source_sheet"),
                        Rows.getInteger(rs, "row_number_in_file"), rs.getString("source_hash")),
                Rows.readTextMap(rs.getString("invalid_input")),
                Rows.getLong(rs, "submission_id"),
                rs.getString("incident_id"),
                rs.getString("import_id"),
                rs.getString("outcome_text"),
                Rows.getLong(rs, "corrects_incident"),
                Rows.getInstant(rs, "created_at"),
                Rows.getInstant(rs, "updated_at"),
                Rows.getInstant(rs, "deleted_at"));
    }
}
