package de.meldedesk.persistence;

import de.meldedesk.domain.Company;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link CompanyRepository} on the H2 database. */
public final class H2CompanyRepository implements CompanyRepository {

    private static final String COLUMNS =
            "id, careflex_id, name, is_managing, managed_by, archived, created_at, updated_at";

    /** Tables whose rows keep a company from being deleted, with the column that names it. */
    private static final String[][] DEPENDENTS = {
        {"incidents", "company_id"}, {"employees", "company_id"}, {"submissions", "company_id"},
        {"empty_reports", "company_id"}, {"companies", "managed_by"},
    };

    private final Database database;
    private final Clock clock;

    H2CompanyRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Company create(String careflexId, String name, boolean managing, Long managedBy) {
        Instant now = clock.instant();
        return database.transaction(c -> {
            requireFreeCareflexId(c, careflexId, null);
            long id;
            String sql = "INSERT INTO companies (careflex_id, name, is_managing, managed_by, archived, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, FALSE, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, careflexId);
                s.setString(2, name);
                s.setBoolean(3, managing);
                Rows.setLong(s, 4, managedBy);
                Rows.setInstant(s, 5, now);
                Rows.setInstant(s, 6, now);
                s.executeUpdate();
                id = Rows.generatedId(s);
            }
            return find(c, "id = ?", id).orElseThrow();
        });
    }

    @Override
    public Company update(Company company) {
        return database.transaction(c -> {
            requireFreeCareflexId(c, company.careflexId(), company.id());
            String sql = "UPDATE companies SET careflex_id = ?, name = ?, is_managing = ?, managed_by = ?, updated_at = ?"
                    + " WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, company.careflexId());
                s.setString(2, company.name());
                s.setBoolean(3, company.managing());
                Rows.setLong(s, 4, company.managedBy());
                Rows.setInstant(s, 5, clock.instant());
                s.setLong(6, company.id());
                Rows.requireOneRow(s.executeUpdate(), company.id());
            }
            return find(c, "id = ?", company.id()).orElseThrow();
        });
    }

    @Override
    public Optional<Company> findById(long id) {
        return database.transaction(c -> find(c, "id = ?", id));
    }

    @Override
    public Optional<Company> findByCareflexId(String careflexId) {
        return database.transaction(c -> find(c, "careflex_id = ?", careflexId));
    }

    @Override
    public List<Company> list(boolean includeArchived) {
        String where = includeArchived ? "" : " WHERE archived = FALSE";
        return database.transaction(c -> {
            List<Company> companies = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM companies" + where
                    + " ORDER BY name, id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    companies.add(read(rs));
                }
            }
            return companies;
        });
    }

    @Override
    public void setArchived(long id, boolean archived) {
        database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE companies SET archived = ?, updated_at = ? WHERE id = ?")) {
                s.setBoolean(1, archived);
                Rows.setInstant(s, 2, clock.instant());
                s.setLong(3, id);
                Rows.requireOneRow(s.executeUpdate(), id);
            }
            return null;
        });
    }

    @Override
    public void delete(long id) throws CompanyInUseException {
        Optional<String> inUse = database.transaction(c -> {
            Company company = find(c, "id = ?", id).orElseThrow(() -> new IllegalArgumentException("no company " + id));
            for (String[] dependent : DEPENDENTS) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM " + dependent[0] + " WHERE " + dependent[1] + " = ?")) {
                    s.setLong(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            return Optional.of(company.careflexId());
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM companies WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            return Optional.empty();
        });
        if (inUse.isPresent()) {
            throw new CompanyInUseException(inUse.get());
        }
    }

    private static void requireFreeCareflexId(Connection c, String careflexId, Long ownId) throws SQLException {
        Optional<Company> other = find(c, "careflex_id = ?", careflexId);
        if (other.isPresent() && (ownId == null || other.get().id() != ownId)) {
            throw new IllegalArgumentException("CareFlex ID " + careflexId + " belongs to company " + other.get().id());
        }
    }

    private static Optional<Company> find(Connection c, String where, Object value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM companies WHERE " + where)) {
            s.setObject(1, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Company read(ResultSet rs) throws SQLException {
        return new Company(
                rs.getLong("id"),
                rs.getString("careflex_id"),
                rs.getString("name"),
                rs.getBoolean("is_managing"),
                Rows.getLong(rs, "managed_by"),
                rs.getBoolean("archived"),
                Rows.getInstant(rs, "created_at"),
                Rows.getInstant(rs, "updated_at"));
    }
}
