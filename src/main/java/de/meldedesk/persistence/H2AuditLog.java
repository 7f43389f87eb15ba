package de.meldedesk.persistence;

import de.meldedesk.domain.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} on the H2 database. */
public final class H2AuditLog implements AuditLog {

    private final Database database;
    private final Clock clock;
    private final String osUser;

    H2AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.osUser = System.getProperty("user.name", "unknown");
    }

    @Override
    public long append(String action, String objectType, String objectId, String details) {
        return database.transaction(c -> {
            String sql = "INSERT INTO audit_log (logged_at, os_user, action, object_type, object_id, details)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                Rows.setInstant(s, 1, clock.instant());
                s.setString(2, osUser);
                s.setString(3, action);
                s.setString(4, objectType);
                s.setString(5, objectId);
                s.setString(6, H2SubmissionRepository.truncate(details, 9_000));
                s.executeUpdate();
                return Rows.generatedId(s);
            }
        });
    }

    @Override
    public List<AuditEntry> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, logged_at, os_user, action, object_type, object_id, details"
                + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        addCondition(sql, args, " AND action = ?", filter.action());
        addCondition(sql, args, " AND object_type = ?", filter.objectType());
        addCondition(sql, args, " AND object_id = ?", filter.objectId());
        addCondition(sql, args, " AND logged_at >= ?", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        addCondition(sql, args, " AND logged_at < ?", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        args.add(filter.limit());
        args.add(filter.offset());
        return database.transaction(c -> {
            List<AuditEntry> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new AuditEntry(rs.getLong("id"), Rows.getInstant(rs, "logged_at"),
                                rs.getString("os_user"), rs.getString("action"), rs.getString("object_type"),
                                rs.getString("object_id"), rs.getString("details")));
                    }
                }
            }
            return found;
        });
    }

    private static void addCondition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            args.add(value);
        }
    }
}
