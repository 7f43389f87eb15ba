package de.meldedesk.ui.importwizard;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.importing.MappingSource;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ImportService;
import de.meldedesk.testsupport.Samples;
import de.meldedesk.ui.common.SameThreadRunner;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportWizardModelTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final String CAREFLEX_ID = "09ce3580d84bf087";

    /** A small export with a lost leading zero, an ID Excel shortened and a 31 February. */
    static final String CRAFTED = "Personalnummer;Mitarbeiter-ID;Vorname;Nachname;Geburtsdatum;Geschlecht;Straße;"
            + "Hausnummer;PLZ;Ort;Land;Meldeart;Gültig ab;Beschäftigungsstatus;Eintrittsdatum\r\n"
            + "028140;85291703420;Käthe;Öztürk;03.06.1993;w;Industriestraße;7;01067;Dresden;DE;NEW;01.01.2027;T;01.04.2020\r\n"
            + "047024;28365461076;Grzegorz;Weiß;04.12.1972;m;Goethestraße;9;4109;Leipzig;DE;NEW;01.01.2027;T;01.04.2020\r\n"
            + "051377;5,12346E+10;Anna;Schulz;12.05.1980;w;Ringstraße;3;10115;Berlin;DE;NEW;01.01.2027;T;01.04.2020\r\n"
            + "060001;61234567890;Jonas;Becker;31.02.1985;m;Marktplatz;1;20095;Hamburg;DE;NEW;01.01.2027;T;01.04.2020\r\n";

    @TempDir
    Path dataDir;

    private Store store;
    private ImportWizardModel model;
    private int draftsChanged;

    @BeforeEach
    void open() throws Exception {
        AppPaths paths = new AppPaths(dataDir);
        store = Store.open(paths.storePaths());
        store.companies().create(CAREFLEX_ID, "Chemie Nord GmbH", false, null);
        ImportProfileStore profiles = new ImportProfileStore(dataDir.resolve("import-profiles"));
        ImportWizardModel.Services services = new ImportWizardModel.Services(new ImportEngine(profiles),
                new ImportService(store), profiles, store.companies(), store.incidents(), new SettingsStore(paths.storePaths()),
                IncidentTypeCatalogue.builtIn());
        model = new ImportWizardModel(services, new SameThreadRunner(), Messages.GERMAN, TODAY);
        model.setOnDraftsChanged(() -> draftsChanged++);
        model.loadCompanies();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path crafted() throws IOException {
        Path file = dataDir.resolve("crafted.csv");
        Files.writeString(file, CRAFTED, StandardCharsets.UTF_8);
        return file;
    }

    private PreviewRow row(int rowNumber) {
        return model.rows().stream().filter(r -> r.rowNumber() == rowNumber).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personal-export-50.csv", "personal-export-50.xlsx"})
    void sampleStoredAsFiftyReadyDrafts(String name) {
        model.open(Samples.file(name));

        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardModel.Step.OPTIONS);
        assertThat(model.companyProperty().get().careflexId()).isEqualTo(CAREFLEX_ID);
        assertThat(model.rows()).hasSize(50);
        assertThat(model.errorRowsProperty().get()).isZero();
        assertThat(model.mapping()).allSatisfy(item -> assertThat(item.field()).as(item.header()).isNotNull());
        assertThat(model.mapping()).allSatisfy(item -> assertThat(item.source()).isEqualTo(MappingSource.ALIAS));

        model.next();
        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardModel.Step.PREVIEW);
        model.importRows(false);

        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardModel.Step.RESULT);
        assertThat(model.outcomeProperty().get().draftIds()).hasSize(50);
        assertThat(model.outcomeProperty().get().ready()).isEqualTo(50);
        assertThat(store.incidents().count(IncidentFilter.ALL.statuses(IncidentStatus.READY))).isEqualTo(50);
        assertThat(model.rework()).isEmpty();
        assertThat(draftsChanged).isEqualTo(1);
        assertThat(new SettingsStore(new AppPaths(dataDir).storePaths()).load().lastCareflexId()).isEqualTo(CAREFLEX_ID);
    }

    @Test
    void delimiterOverrideRereads() {
        model.open(Samples.file("personal-export-50.csv"));
        assertThat(model.fileProperty().get().delimiter()).isEqualTo(';');

        model.delimiterProperty().set(',');

        assertThat(model.fileProperty().get().delimiter()).isEqualTo(',');
        assertThat(model.mapping()).hasSizeLessThan(22);
        assertThat(model.errorRowsProperty().get()).isGreaterThanOrEqualTo(50);

        model.delimiterProperty().set(null);

        assertThat(model.mapping()).hasSize(22);
        assertThat(model.errorRowsProperty().get()).isZero();
    }

    @Test
    void editedCellFixesProblem() throws IOException {
        model.open(crafted());
        PreviewRow broken = row(5);
        assertThat(broken.problemsOf(model.fileProperty().get().columnFor("employee.birthday").orElseThrow()))
                .extracting(p -> p.key()).containsExactly("import.date.invalidDay");

        model.editCell(broken, "Geburtsdatum", "28.02.1985");

        PreviewRow fixed = row(5);
        assertThat(fixed.hasErrors()).isFalse();
        assertThat(fixed.row().incident().employee().birthday()).isEqualTo(LocalDate.of(1985, 2, 28));
        assertThat(fixed.cell("Geburtsdatum")).isEqualTo("28.02.1985");
        assertThat(model.errorRowsProperty().get()).isEqualTo(1);
        assertThat(model.fileProperty().get().rows().get(3).hasErrors()).isFalse();
    }

    @Test
    void craftedFileShowsChangesAndProblems() throws IOException {
        model.open(crafted());

        assertThat(row(3).changeTexts(Messages.GERMAN)).anySatisfy(text ->
                assertThat(text).contains("„4109“ → „04109“"));
        assertThat(row(4).problemTexts(Messages.GERMAN)).anySatisfy(text ->
                assertThat(text).contains("Zeile 4", "Mitarbeiter-ID", "5,12346E+10"));
        assertThat(model.errorRowsProperty().get()).isEqualTo(2);
    }

    @Test
    void onlyProblemsFilterHidesCleanRows() throws IOException {
        model.open(crafted());

        model.onlyProblemsProperty().set(true);

        assertThat(model.visibleRows()).extracting(PreviewRow::rowNumber).containsExactly(3, 4, 5);
    }

    @Test
    void reworkListExportsToCsv() throws IOException {
        model.open(crafted());
        model.importRows(false);

        assertThat(model.outcomeProperty().get().draftIds()).hasSize(2);
        assertThat(model.rework()).extracting(left -> left.row().rowNumber()).containsExactly(4, 5);

        Path target = dataDir.resolve("nacharbeit.csv");
        model.exportRework(target);

        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            assertThat(reader.read()).isEqualTo('\uFEFF');
            records = CSVFormat.RFC4180.builder().setDelimiter(';').get().parse(reader).getRecords();
        }
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get(0)).isEqualTo("Personalnummer");
        assertThat(records.get(0).get(15)).isEqualTo("Probleme");
        assertThat(records.get(1).get(1)).isEqualTo("5,12346E+10");
        assertThat(records.get(1).get(15)).contains("Mitarbeiter-ID");
        assertThat(records.get(2).get(4)).isEqualTo("31.02.1985");
        assertThat(records.get(2).get(15)).contains("Geburtsdatum");
    }

    @Test
    void duplicateOfStoreIsFlaggedAndSkipped() throws IOException {
        model.open(crafted());
        model.importRows(false);
        model.open(crafted());

        assertThat(row(2).earlier()).isNotNull();
        assertThat(row(2).problemTexts(Messages.GERMAN)).anySatisfy(text -> assertThat(text).contains("Zeile 2"));
        assertThat(model.fileProblems()).anySatisfy(text -> assertThat(text).contains("crafted.csv"));

        model.importRows(false);

        assertThat(model.outcomeProperty().get().draftIds()).isEmpty();
    }

    @Test
    void mappingByHandSavedAsProfileAppliesAgain() {
        Path sample = Samples.file("personal-export-50.csv");
        model.open(sample);
        String letter = model.mapping().stream().filter(item -> item.header().equals("Standort")).findFirst()
                .orElseThrow().letter();

        model.mapColumn(letter, null);

        MappingItem ignored = model.mapping().stream().filter(item -> item.letter().equals(letter)).findFirst()
                .orElseThrow();
        assertThat(ignored.field()).isNull();
        assertThat(model.rows().get(0).row().incident().employee().job().employmentSite()).isNull();

        model.saveProfile("Lohnexport Werk Nord");
        model.open(sample);

        assertThat(model.profileNoteProperty().get()).contains("Lohnexport Werk Nord");
        MappingItem again = model.mapping().stream().filter(item -> item.letter().equals(letter)).findFirst()
                .orElseThrow();
        assertThat(again.field()).isNull();
        MappingItem other = model.mapping().stream().filter(item -> item.header().equals("Vorname")).findFirst()
                .orElseThrow();
        assertThat(other.field()).isEqualTo(ImportField.FIRST_NAME);
        assertThat(other.source()).isEqualTo(MappingSource.PROFILE);
    }

    private Path tenThousandRows() throws IOException {
        List<String> lines = Files.readAllLines(Samples.file("personal-export-50.csv"), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(lines.get(0)).append("\r\n");
        for (int copy = 0; copy < 200; copy++) {
            for (String line : lines.subList(1, lines.size())) {
                text.append(line).append("\r\n");
            }
        }
        Path file = dataDir.resolve("gross.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    @Tag("reliability")
    void largeFileReportsProgress() throws IOException {
        List<Double> shares = new java.util.ArrayList<>();
        model.progressProperty().addListener((obs, old, now) -> shares.add(now.doubleValue()));

        model.open(tenThousandRows());

        assertThat(model.rows()).hasSize(10_000);
        assertThat(shares).filteredOn(share -> share > 0 && share < 1).isNotEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void largeFileReadCancelled() throws IOException {
        model.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0.1) {
                model.cancel();
            }
        });

        model.open(tenThousandRows());

        assertThat(model.fileProperty().get()).isNull();
        assertThat(model.stepProperty().get()).isEqualTo(ImportWizardModel.Step.FILE);
        assertThat(model.messageProperty().get()).isEqualTo("Das Lesen wurde abgebrochen. Die Datei wurde nicht übernommen.");
        assertThat(model.busyProperty().get()).isFalse();
    }
}
