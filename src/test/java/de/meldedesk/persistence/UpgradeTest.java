package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.testsupport.ExcerptReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens a database written with schema version 1 (see {@link FixtureWriter}) with the current program. */
class UpgradeTest {

    @TempDir
    Path dataDir;

    private StorePaths copyFixture() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        Files.createDirectories(paths.databaseDir());
        Files.copy(FixtureWriter.FIXTURE, paths.databaseFile());
        return paths;
    }

    @Test
    void versionOneDraftsSurviveUpgrade() throws Exception {
        StorePaths paths = copyFixture();

        try (Store store = Store.open(paths)) {
            List<StoredIncident> drafts = store.incidents().list(IncidentFilter.ALL);

            assertThat(drafts).extracting(StoredIncident::incident)
                    .containsExactlyElementsOf(ExcerptReport.build().incidents());
            assertThat(drafts).extracting(StoredIncident::status).containsOnly(IncidentStatus.DRAFT);
            assertThat(drafts.get(0).invalidInput()).containsEntry("employee.birthday", "15 January 1979");
            assertThat(drafts.get(0).warningCount()).isEqualTo(1);
        }
    }

    @Test
    void upgradeAppliesLaterMigrations() throws Exception {
        StorePaths paths = copyFixture();

        try (Store store = Store.open(paths)) {
            long company = store.companies().findByCareflexId(ExcerptReport.CAREFLEX_ID).orElseThrow().id();
            store.employees().upsert(company, "49239697103",
                    ExcerptReport.build().incidents().get(0).employee(), "typed");
            assertThat(store.employees().find(company, "49239697103")).isPresent();
        }
        assertThat(schemaVersions(paths)).containsExactly("1", "2", "3");
    }

    @Test
    void upgradeWritesBackupOfOldSchema() throws Exception {
        StorePaths paths = copyFixture();

        Store.open(paths).close();

        assertThat(Backups.list(paths)).isNotEmpty();
    }

    private static List<String> schemaVersions(StorePaths paths) throws Exception {
        try (Connection c = DriverManager.getConnection(paths.jdbcBase(), "meldedesk", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
