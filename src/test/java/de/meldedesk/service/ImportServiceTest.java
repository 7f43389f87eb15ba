package de.meldedesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.testsupport.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportServiceTest {

    private static final String CAREFLEX_ID = "09ce3580d84bf087";

    @TempDir
    Path dataDir;

    private Store store;
    private ImportService service;
    private ImportedFile file;

    @BeforeEach
    void setUp() throws Exception {
        store = Store.open(new AppPaths(dataDir).storePaths());
        store.companies().create(CAREFLEX_ID, "Musterfirma GmbH", true, null);
        service = new ImportService(store);
        file = new ImportEngine().read(Samples.file("personal-export-50.csv"),
                ImportOptions.defaults().withCareflexId(CAREFLEX_ID));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void sampleBecomesFiftyReadyDrafts() {
        ImportService.Outcome outcome = service.store(file, CAREFLEX_ID, false, true);

        assertThat(outcome.draftIds()).hasSize(50);
        assertThat(outcome.ready()).isEqualTo(50);
        assertThat(outcome.leftOut()).isEmpty();
        assertThat(outcome.employeesCreated()).isEqualTo(50);
        StoredIncident first = store.incidents().findById(outcome.draftIds().get(0)).orElseThrow();
        assertThat(first.status()).isEqualTo(IncidentStatus.READY);
        assertThat(first.source().fileName()).isEqualTo("personal-export-50.csv");
        assertThat(first.source().rowNumber()).isEqualTo(2);
        assertThat(first.incident().employee().job().personnelNumber()).isEqualTo("028140");
    }

    @Test
    void secondImportFindsEveryRowAsDuplicate() {
        service.store(file, CAREFLEX_ID, false, true);

        ImportService.Outcome again = service.store(file, CAREFLEX_ID, false, true);

        assertThat(again.duplicates()).hasSize(50);
        assertThat(again.draftIds()).isEmpty();
        assertThat(again.leftOut()).hasSize(50).allMatch(l -> l.reasonKey().equals("import.store.duplicate"));
        assertThat(service.earlierImportsOf(file)).hasSize(2);
        assertThat(store.incidents().count(IncidentFilter.ALL)).isEqualTo(50);
    }

    @Test
    void unknownCompanyIsLeftOut() {
        ImportedFile foreign = new ImportEngine().read(Samples.file("personal-export-50.csv"),
                ImportOptions.defaults().withCareflexId("ffffffffffffffff"));

        ImportService.Outcome outcome = service.store(foreign, "ffffffffffffffff", false, true);

        assertThat(outcome.draftIds()).isEmpty();
        assertThat(outcome.leftOut()).hasSize(50).allMatch(l -> l.reasonKey().equals("import.store.unknownCompany"));
    }
}
