package de.meldedesk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.domain.Secrets;
import de.meldedesk.domain.Submission;
import de.meldedesk.domain.SubmissionResult;
import de.meldedesk.wire.CareflexJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SubmissionRepository} on the H2 database. */
public final class H2SubmissionRepository implements SubmissionRepository {

    private static final Logger LOG = LoggerFactory.getLogger(H2SubmissionRepository.class);

    /** Maximum length of a stored response body. The column allows 1,000,000 characters. */
    static final int MAX_BODY = 999_000;

    private static final String SELECT = "SELECT id, company_id, profile_name, request_body, response_body,"
            + " http_status, outcome, error_text, retry_after, import_id, row_count, started_at, finished_at"
            + " FROM submissions";

    private final Database database;
    private final Clock clock;

    H2SubmissionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public long create(long companyId, String profileName, String maskedRequestBody, int rowCount) {
        requireMasked(maskedRequestBody);
        long id = database.transaction(c -> {
            String sql = "INSERT INTO submissions (company_id, profile_name, request_body, row_count, started_at)"
                    + " VALUES (?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, companyId);
                s.setString(2, profileName);
                s.setString(3, maskedRequestBody);
                s.setInt(4, rowCount);
                Rows.setInstant(s, 5, clock.instant());
                s.executeUpdate();
                return Rows.generatedId(s);
            }
        });
        LOG.info("Submission {} created: company {}, {} incidents, profile {}", id, companyId, rowCount, profileName);
        return id;
    }

    /** Refuses a body whose {@code apiToken} is anything but empty or the mask. */
    private static void requireMasked(String body) {
        JsonNode root;
        try {
            root = CareflexJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode token = root == null ? null : root.get("apiToken");
        if (token != null && !token.isNull() && !token.asText().isEmpty() && !Secrets.MASK.equals(token.asText())) {
            throw new IllegalArgumentException("request body carries a clear API token; store the masked body");
        }
    }

    @Override
    public void complete(long id, SubmissionResult result) {
        database.transaction(c -> {
            String sql = "UPDATE submissions SET http_status = ?, response_body = ?, outcome = ?, error_text = ?,"
                    + " retry_after = ?, import_id = ?, finished_at = ? WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Rows.setInteger(s, 1, result.httpStatus());
                s.setString(2, truncate(result.responseBody(), MAX_BODY));
                s.setString(3, result.outcome());
                s.setString(4, truncate(result.errorText(), 9_000));
                s.setString(5, result.retryAfter());
                s.setString(6, result.importId());
                Rows.setInstant(s, 7, result.finishedAt() == null ? clock.instant() : result.finishedAt());
                s.setLong(8, id);
                Rows.requireOneRow(s.executeUpdate(), id);
            }
            return null;
        });
        LOG.info("Submission {} completed: outcome {}, HTTP status {}", id, result.outcome(), result.httpStatus());
    }

    /** Truncates text that does not fit its column and appends a note with the original length. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n[cut after " + max + " of " + text.length() + " characters]";
    }

    @Override
    public Optional<Submission> find(long id) {
        return database.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Submission> list(Long companyId, int limit, int offset) {
        String sql = SELECT + (companyId == null ? "" : " WHERE company_id = ?") + " ORDER BY id DESC LIMIT ? OFFSET ?";
        return database.transaction(c -> {
            List<Submission> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int index = 1;
                if (companyId != null) {
                    s.setLong(index++, companyId);
                }
                s.setInt(index++, limit);
                s.setInt(index, offset);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
            }
            return found;
        });
    }

    private static Submission read(ResultSet rs) throws SQLException {
        return new Submission(
                rs.getLong("id"),
                rs.getLong("company_id"),
                rs.getString("profile_name"),
                rs.getString("request_body"),
                rs.getString("response_body"),
                Rows.getInteger(rs, "http_status"),
                rs.getString("outcome"),
                rs.getString("error_text"),
                rs.getString("retry_after"),
                rs.getString("import_id"),
                rs.getInt("row_count"),
                Rows.getInstant(rs, "started_at"),
                Rows.getInstant(rs, "finished_at"));
    }
}
