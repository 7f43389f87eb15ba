package de.meldedesk.persistence;

import de.meldedesk.domain.Draft;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.testsupport.ExcerptReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code src/test/resources/fixtures/meldedesk-v1.mv.db}: a database
 * with schema version 1 only, holding one company and the three incidents of
 * the REST description's example as drafts. {@link UpgradeTest} opens it with
 * all migrations. Run it from the project folder only to rebuild the fixture:
 * {@code java -cp target/classes:target/test-classes:<dependencies> de.meldedesk.persistence.FixtureWriter}.
 */
public final class FixtureWriter {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/meldedesk-v1.mv.db");

    private FixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("meldedesk-fixture");
        StorePaths paths = TestStores.paths(dataDir);
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);
        try (Store store = Store.open(paths, clock, "1")) {
            long company = store.companies().create(ExcerptReport.CAREFLEX_ID, "Musterfirma GmbH", true, null).id();
            List<Draft> drafts = ExcerptReport.build().incidents().stream()
                    .map(incident -> new Draft(company, incident, IncidentStatus.DRAFT,
                            List.of(Problem.warning("type", "problem.type.unknown", incident.type())),
                            new Source("request-example.json", null, 1, "00ff"),
                            Map.of("employee.birthday", "15 January 1979"), null))
                    .toList();
            store.incidents().insertDrafts(drafts);
        }
        Files.createDirectories(FIXTURE.getParent());
        Files.copy(paths.databaseFile(), FIXTURE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Fixture written to " + FIXTURE.toAbsolutePath());
    }
}
