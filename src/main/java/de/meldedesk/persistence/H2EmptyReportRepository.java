package de.meldedesk.persistence;

import de.meldedesk.domain.EmptyReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EmptyReportRepository} on the H2 database; the month is stored as {@code YYYY-MM} text. */
public final class H2EmptyReportRepository implements EmptyReportRepository {

    private static final Logger LOG = LoggerFactory.getLogger(H2EmptyReportRepository.class);

    private static final String SELECT = "SELECT id, company_id, report_month, profile_name, sent_at, outcome,"
            + " http_status, response_body, error_text FROM empty_reports";

    private final Database database;

    H2EmptyReportRepository(Database database) {
        this.database = database;
    }

    @Override
    public long record(long companyId, YearMonth reportMonth, String profileName, Instant sentAt, String outcome,
            Integer httpStatus, String responseBody, String errorText) {
        long id = database.transaction(c -> {
            String sql = "INSERT INTO empty_reports (company_id, report_month, profile_name, sent_at, outcome,"
                    + " http_status, response_body, error_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, companyId);
                s.setString(2, reportMonth.toString());
                s.setString(3, profileName);
                Rows.setInstant(s, 4, sentAt);
                s.setString(5, outcome);
                Rows.setInteger(s, 6, httpStatus);
                s.setString(7, H2SubmissionRepository.truncate(responseBody, H2SubmissionRepository.MAX_BODY));
                s.setString(8, H2SubmissionRepository.truncate(errorText, 9_000));
                s.executeUpdate();
                return Rows.generatedId(s);
            }
        });
        LOG.info("Empty report {} recorded: company {}, month {}, outcome {}", id, companyId, reportMonth, outcome);
        return id;
    }

    @Override
    public List<EmptyReport> listForMonth(YearMonth reportMonth) {
        return query(SELECT + " WHERE report_month = ? ORDER BY sent_at, id", reportMonth.toString());
    }

    @Override
    public List<EmptyReport> listForCompany(long companyId) {
        return query(SELECT + " WHERE company_id = ? ORDER BY report_month DESC, sent_at DESC, id DESC", companyId);
    }

    private List<EmptyReport> query(String sql, Object arg) {
        return database.transaction(c -> {
            List<EmptyReport> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, arg);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
            }
            return found;
        });
    }

    private static EmptyReport read(ResultSet rs) throws SQLException {
        return new EmptyReport(
                rs.getLong("id"),
                rs.getLong("company_id"),
                YearMonth.parse(rs.getString("report_month")),
                rs.getString("profile_name"),
                Rows.getInstant(rs, "sent_at"),
                rs.getString("outcome"),
                Rows.getInteger(rs, "http_status"),
                rs.getString("response_body"),
                rs.getString("error_text"));
    }
}
