package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.Draft;
import de.meldedesk.domain.SubmissionResult;
import de.meldedesk.testsupport.ExcerptReport;
import de.meldedesk.wire.CareflexJson;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads every cell of every table after a full session and looks for the secrets the session handled. */
class SecretsInDatabaseTest {

    private static final String SERVICE_SECRET = "sandbox-secret-Zr7Qp";
    private static final String ACCESS_TOKEN = "eyJhbGciOi%§-access-token-1234";

    @TempDir
    Path dataDir;

    @Test
    void noTableHoldsASecret() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        try (Store store = Store.open(paths)) {
            writeSession(store);
        }

        List<String> cells = allCells(paths);

        assertThat(cells).as("cells read").hasSizeGreaterThan(100);
        assertThat(cells).noneMatch(cell -> cell.contains(ExcerptReport.API_TOKEN));
        assertThat(cells).noneMatch(cell -> cell.contains(SERVICE_SECRET));
        assertThat(cells).noneMatch(cell -> cell.contains(ACCESS_TOKEN));
        assertThat(cells).as("the masked request body is stored").anyMatch(cell -> cell.contains("\"apiToken\""));
    }

    private static void writeSession(Store store) {
        long company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Musterfirma", true, null).id();
        store.profiles().save(new SavedProfile("CareFlex", "https://portal.example/token",
                "https://portal.example/new", "https://portal.example/none", null, List.of(), false));
        List<Long> ids = store.incidents().insertDrafts(ExcerptReport.build().incidents().stream()
                .map(incident -> Draft.of(company, incident)).toList());
        store.employees().upsert(company, "49239697103", ExcerptReport.build().incidents().get(0).employee(),
                "request-example.json");
        long submission = store.submissions().create(company, "CareFlex",
                CareflexJson.writeReportMasked(ExcerptReport.build()), ids.size());
        store.incidents().markSending(ids, submission);
        store.submissions().complete(submission, new SubmissionResult(200, "{\"importId\":\"imp-1\"}", "ACCEPTED",
                null, null, "imp-1", Instant.now()));
        store.incidents().recordAccepted(submission, "imp-1", Map.of(ids.get(0), "a", ids.get(1), "b",
                ids.get(2), "c"));
        store.emptyReports().record(company, YearMonth.of(2026, 2), "CareFlex", Instant.now(), "ACCEPTED", 200,
                "{}", null);
        store.audit().append("login", "profile", "CareFlex", "service user sandbox signed in");
        store.audit().append("submission.send", "submission", Long.toString(submission), "3 incidents");
    }

    private static List<String> allCells(StorePaths paths) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(paths.jdbcBase(), "meldedesk", "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("tables").hasSizeGreaterThanOrEqualTo(9);
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            cells.add(String.valueOf(rs.getObject(i)));
                        }
                    }
                }
            }
        }
        return cells;
    }
}
