package de.meldedesk.ui.importwizard;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.importing.ColumnMapping;
import de.meldedesk.importing.ImportCancelledException;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportProfile;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.importing.ImportProgress;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.importing.MappingSource;
import de.meldedesk.importing.ReworkExport;
import de.meldedesk.persistence.CompanyRepository;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.IncidentRepository;
import de.meldedesk.persistence.Settings;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.service.ImportService;
import de.meldedesk.ui.common.BackgroundRunner;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the import wizard: the chosen file, the clerk's overrides of what
 * the engine detected, the column mapping, the rows of the preview with their
 * edits, and the outcome of storing them. All reading, checking and storing
 * runs through the {@link BackgroundRunner}; properties change only in its
 * callbacks. A newer read makes the callbacks of an older one void.
 */
public final class ImportWizardModel {

    /** The steps of the wizard, in order. */
    public enum Step { FILE, OPTIONS, MAPPING, PREVIEW, RESULT }

    /** The services the wizard uses; the profile store must be the folder the engine reads profiles from. */
    public record Services(ImportEngine engine, ImportService imports, ImportProfileStore profiles,
                           CompanyRepository companies, IncidentRepository incidents, SettingsStore settings,
                           IncidentTypeCatalogue catalogue) {
    }

    private record ReadResult(ImportedFile file, List<String> earlierImports, List<ImportService.Duplicate> duplicates) {
    }

    private record EditResult(ImportedRow row, List<ImportService.Duplicate> duplicates) {
    }

    private record Choices(List<Company> companies, String lastCareflexId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardModel.class);
    private static final int SAMPLE_COUNT = 3;
    private static final String DUPLICATE_KEY = "import.row.duplicate";

    private final Services services;
    private final BackgroundRunner runner;
    private final Locale locale;
    private final LocalDate today;
    private Runnable draftsChanged = () -> { };

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportedFile> file = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>();
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>();
    private final StringProperty sheet = new SimpleStringProperty();
    private final ObjectProperty<Integer> headerRow = new SimpleObjectProperty<>();
    private final StringProperty dateFormat = new SimpleStringProperty();

    private final ObservableList<Company> companies = FXCollections.observableArrayList();
    private final ObjectProperty<Company> company = new SimpleObjectProperty<>();
    private final StringProperty type = new SimpleStringProperty(IncidentTypeCatalogue.NEW);
    private final ObjectProperty<LocalDate> createdAt = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> validFrom = new SimpleObjectProperty<>();

    private final ObservableList<String> fileProblems = FXCollections.observableArrayList();
    private final ObservableList<MappingItem> mapping = FXCollections.observableArrayList();
    private final StringProperty profileNote = new SimpleStringProperty("");

    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty onlyProblems = new SimpleBooleanProperty();
    private final FilteredList<PreviewRow> visibleRows = new FilteredList<>(rows);
    private final IntegerProperty errorRows = new SimpleIntegerProperty();
    private final IntegerProperty duplicateRows = new SimpleIntegerProperty();
    private final BooleanProperty skipDuplicates = new SimpleBooleanProperty(true);

    private final ObjectProperty<ImportService.Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty outcomeText = new SimpleStringProperty("");
    private final ObservableList<ImportService.LeftOut> rework = FXCollections.observableArrayList();

    /** Columns mapped by hand, by letter; once one is chosen it contains every column, so a profile's choices stay. */
    private final Map<String, ImportField> manualMapping = new LinkedHashMap<>();
    private final Set<String> touchedColumns = new HashSet<>();
    private final Map<String, MappingSource> detectedSources = new HashMap<>();
    private ImportedFile detected;
    private BackgroundRunner.Handle running;
    private AtomicBoolean readCancelled = new AtomicBoolean();
    private int generation;
    private boolean quiet;

    public ImportWizardModel(Services services, BackgroundRunner runner, Locale locale, LocalDate today) {
        this.services = services;
        this.runner = runner;
        this.locale = locale;
        this.today = today;
        createdAt.set(today);
        validFrom.set(DateText.firstOfNextMonth(today));

        ChangeListener<Object> readingChanged = (obs, old, now) -> {
            if (!quiet) {
                manualMapping.clear();
                touchedColumns.clear();
                reread();
            }
        };
        encoding.addListener(readingChanged);
        delimiter.addListener(readingChanged);
        sheet.addListener(readingChanged);
        headerRow.addListener(readingChanged);
        ChangeListener<Object> defaultsChanged = (obs, old, now) -> {
            if (!quiet) {
                reread();
            }
        };
        dateFormat.addListener(defaultsChanged);
        company.addListener(defaultsChanged);
        type.addListener(defaultsChanged);
        createdAt.addListener(defaultsChanged);
        validFrom.addListener(defaultsChanged);
        onlyProblems.addListener((obs, old, now) ->
                visibleRows.setPredicate(now ? PreviewRow::hasProblems : null));
    }

    /** Sets what runs after drafts were stored, so that other screens reload. */
    public void setOnDraftsChanged(Runnable action) {
        this.draftsChanged = action;
    }

    /** Loads the companies of the store and chooses the one used last, or the first. */
    public void loadCompanies() {
        runner.run(progress -> {
            Settings settings = services.settings().load();
            return new Choices(services.companies().list(false), settings.lastCareflexId());
        }, choices -> {
            quiet = true;
            companies.setAll(choices.companies());
            Company chosen = choices.companies().stream()
                    .filter(c -> c.careflexId().equals(choices.lastCareflexId()))
                    .findFirst()
                    .orElse(choices.companies().isEmpty() ? null : choices.companies().get(0));
            company.set(chosen);
            quiet = false;
            if (file.get() != null) {
                reread();
            }
        }, this::failed);
    }

    /** Starts over with a new file: resets every override and reads it with what the engine detects. */
    public void open(Path source) {
        quiet = true;
        encoding.set(null);
        delimiter.set(null);
        sheet.set(null);
        headerRow.set(null);
        dateFormat.set(null);
        quiet = false;
        manualMapping.clear();
        touchedColumns.clear();
        detected = null;
        file.set(null);
        rows.clear();
        mapping.clear();
        fileProblems.clear();
        rework.clear();
        outcome.set(null);
        outcomeText.set("");
        message.set("");
        step.set(Step.FILE);
        path.set(source);
        LOG.info("Import wizard opens {}", source.getFileName());
        reread();
    }

    /** Stops the running read or import; the wizard keeps what it had before. */
    public void cancel() {
        readCancelled.set(true);
        if (running != null) {
            running.cancel();
        }
    }

    public void next() {
        Step now = step.get();
        if (file.get() == null || busy.get() || now == Step.PREVIEW || now == Step.RESULT) {
            return;
        }
        step.set(Step.values()[now.ordinal() + 1]);
    }

    public void back() {
        Step now = step.get();
        if (busy.get() || now == Step.FILE || now == Step.RESULT) {
            return;
        }
        step.set(Step.values()[now.ordinal() - 1]);
    }

    /**
     * Maps a column to a field, or ignores it for null, and reads the file
     * again. The field leaves any other column that had it.
     */
    public void mapColumn(String letter, ImportField field) {
        ImportedFile current = file.get();
        if (current == null) {
            return;
        }
        if (manualMapping.isEmpty()) {
            for (ColumnMapping column : current.mapping()) {
                manualMapping.put(column.letter(), column.field());
            }
        }
        if (field != null) {
            manualMapping.replaceAll((key, value) -> field.equals(value) && !key.equals(letter) ? null : value);
        }
        manualMapping.put(letter, field);
        touchedColumns.add(letter);
        reread();
    }

    /** Saves how the file was read as a profile, so a file with the same header is mapped without help. */
    public void saveProfile(String name) {
        ImportedFile current = file.get();
        String cleanName = name == null ? "" : name.strip();
        if (current == null || cleanName.isEmpty()) {
            message.set(UiTexts.format(locale, "importwizard.profile.nameMissing"));
            return;
        }
        ImportProfile profile = ImportProfile.from(cleanName, current, dateFormat.get());
        runner.run(progress -> services.profiles().save(profile), saved -> {
            profileNote.set(UiTexts.format(locale, "importwizard.profile.saved", cleanName));
            message.set("");
        }, this::failed);
    }

    /**
     * Replaces the text of one cell and reads the row again, with the same
     * options and mapping. The row is written as a one-row table and read by
     * {@link ImportEngine#readText}, so the edit goes through exactly the
     * rules of the first read.
     */
    public void editCell(PreviewRow item, String header, String text) {
        String newText = text == null ? "" : text;
        ImportedFile current = file.get();
        if (current == null || item == null || item.cell(header).equals(newText)) {
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>(item.row().cells());
        cells.put(header, newText);
        ImportOptions options = effectiveOptions();
        String careflexId = careflexId();
        int myGeneration = generation;
        runner.run(progress -> {
            ImportedRow row = readRow(current, item.row(), cells, options);
            ImportedFile single = withRows(current, List.of(row));
            return new EditResult(row, services.imports().findDuplicates(single, careflexId));
        }, result -> {
            if (myGeneration == generation && file.get() != null) {
                replaceRow(item.row().rowNumber(), result);
            }
        }, this::failed);
    }

    /**
     * Stores the rows as drafts: rows with errors too when {@code includeErrors}.
     * Rows left out stay in {@link #rework()}.
     */
    public void importRows(boolean includeErrors) {
        ImportedFile current = file.get();
        if (current == null || busy.get()) {
            return;
        }
        String careflexId = careflexId();
        boolean skip = skipDuplicates.get();
        busy.set(true);
        progress.set(-1);
        progressText.set(UiTexts.format(locale, "importwizard.progress.storing", current.rows().size()));
        int myGeneration = ++generation;
        runner.run(job -> {
            ImportService.Outcome result = services.imports().store(current, careflexId, includeErrors, skip);
            rememberCompany(careflexId);
            return result;
        }, result -> {
            if (myGeneration != generation) {
                return;
            }
            busy.set(false);
            outcome.set(result);
            outcomeText.set(UiTexts.format(locale, "importwizard.result.summary", result.draftIds().size(),
                    result.ready(), result.leftOut().size(), result.employeesCreated(), result.employeesChanged()));
            rework.setAll(result.leftOut());
            step.set(Step.RESULT);
            draftsChanged.run();
        }, error -> {
            busy.set(false);
            failed(error);
        });
    }

    /** Writes the rows left out to a CSV file with their problems, for correction in Excel. */
    public void exportRework(Path target) {
        List<ImportedRow> leftOut = rework.stream().map(this::withReason).toList();
        runner.run(progress -> {
            ReworkExport.writeCsv(leftOut, target, locale);
            return target;
        }, written -> message.set(UiTexts.format(locale, "importwizard.rework.exported", leftOut.size(),
                written.toString())), this::failed);
    }

    /** Returns the text of a left-out row's reason, in the clerk's language. */
    public String reasonText(ImportService.LeftOut leftOut) {
        Object argument = leftOut.argument() == null ? "" : leftOut.argument();
        return UiTexts.format(locale, "importwizard.rework.row", leftOut.row().rowNumber(),
                UiTexts.format(locale, leftOut.reasonKey(), argument));
    }

    /** Returns the options of the next read: defaults, overrides, the hand mapping and what it depends on. */
    ImportOptions effectiveOptions() {
        ImportOptions options = ImportOptions.defaults()
                .withToday(today)
                .withCatalogue(services.catalogue())
                .withCareflexId(careflexId())
                .withType(type.get())
                .withCreatedAt(createdAt.get())
                .withValidFrom(validFrom.get())
                .withEncoding(encoding.get())
                .withDelimiter(delimiter.get())
                .withSheet(sheet.get())
                .withHeaderRow(headerRow.get())
                .withDateFormat(dateFormat.get());
        if (manualMapping.isEmpty() || detected == null) {
            return options;
        }
        // A hand mapping switches off the saved profile, so pin what the profile or detection chose.
        options = options.withMapping(manualMapping);
        if (options.encoding() == null && detected.encoding() != null && Charset.isSupported(detected.encoding())) {
            options = options.withEncoding(Charset.forName(detected.encoding()));
        }
        if (options.delimiter() == null && detected.delimiter() != null) {
            options = options.withDelimiter(detected.delimiter());
        }
        if (options.headerRow() == null) {
            options = options.withHeaderRow(detected.headerRow());
        }
        return options;
    }

    private String careflexId() {
        return company.get() == null ? null : company.get().careflexId();
    }

    private void reread() {
        Path source = path.get();
        if (source == null) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        readCancelled.set(true);
        AtomicBoolean cancelled = new AtomicBoolean();
        readCancelled = cancelled;
        int myGeneration = ++generation;
        ImportOptions options = effectiveOptions();
        String careflexId = careflexId();
        busy.set(true);
        progress.set(-1);
        progressText.set(UiTexts.format(locale, "importwizard.progress.reading", source.getFileName().toString()));
        BackgroundRunner.Handle handle = runner.run(job -> {
            ImportedFile read = services.engine().read(source, options, new ImportProgress() {
                @Override
                public void rowsDone(int done, int total) {
                    job.update(done, total, null);
                }

                @Override
                public boolean isCancelled() {
                    return job.isCancelled() || cancelled.get();
                }
            });
            return new ReadResult(read, services.imports().earlierImportsOf(read), storeDuplicates(read, careflexId));
        }, (done, total, text) -> {
            if (myGeneration == generation) {
                progress.set(total > 0 && done < total ? (double) done / total : -1);
                progressText.set(done >= total && total > 0
                        ? UiTexts.format(locale, "importwizard.progress.checking", done)
                        : UiTexts.format(locale, "importwizard.progress.rows", done, Math.max(total, done)));
            }
        }, result -> {
            if (myGeneration == generation) {
                running = null;
                busy.set(false);
                accept(result);
            }
        }, error -> {
            if (myGeneration == generation) {
                running = null;
                busy.set(false);
                if (error instanceof ImportCancelledException) {
                    LOG.info("Import wizard read of {} cancelled", source.getFileName());
                    message.set(UiTexts.format(locale, "importwizard.read.cancelled"));
                } else {
                    failed(error);
                }
            }
        });
        if (busy.get() && myGeneration == generation) {
            running = handle;
        }
    }

    /** Returns the rows that repeat an incident of the store; an empty store is not asked at all. */
    private List<ImportService.Duplicate> storeDuplicates(ImportedFile read, String careflexId) {
        if (services.incidents().count(IncidentFilter.ALL) == 0) {
            return List.of();
        }
        return services.imports().findDuplicates(read, careflexId);
    }

    private void accept(ReadResult result) {
        ImportedFile read = result.file();
        if (manualMapping.isEmpty()) {
            detected = read;
            detectedSources.clear();
            for (ColumnMapping column : read.mapping()) {
                detectedSources.put(column.letter(), column.source());
            }
        }
        file.set(read);
        message.set("");

        List<String> problems = new ArrayList<>();
        for (Problem problem : read.problems()) {
            problems.add(read.describe(null, problem, locale));
        }
        for (String earlier : result.earlierImports()) {
            problems.add(UiTexts.format(locale, "importwizard.options.earlierImport", earlier));
        }
        fileProblems.setAll(problems);

        List<MappingItem> items = new ArrayList<>();
        for (ColumnMapping column : read.mapping()) {
            MappingSource source = touchedColumns.contains(column.letter()) ? MappingSource.MANUAL
                    : detectedSources.getOrDefault(column.letter(), column.source());
            if (column.field() == null) {
                source = MappingSource.NONE;
            }
            items.add(new MappingItem(column.letter(), column.header(), samples(read, column.header()), column.field(),
                    source));
        }
        mapping.setAll(items);
        String profileName = detected == null ? null : detected.profileName();
        profileNote.set(profileName == null ? "" : UiTexts.format(locale, "importwizard.mapping.profileApplied",
                profileName));

        Map<Integer, ImportService.Duplicate> byRow = result.duplicates().stream()
                .collect(Collectors.toMap(d -> d.row().rowNumber(), d -> d, (a, b) -> a));
        rows.setAll(read.rows().stream().map(row -> new PreviewRow(read, row, byRow.get(row.rowNumber()))).toList());
        countProblems();
        if (step.get() == Step.FILE) {
            step.set(read.hasFileErrors() && read.rows().isEmpty() ? Step.FILE : Step.OPTIONS);
        }
    }

    private static List<String> samples(ImportedFile read, String header) {
        List<String> values = new ArrayList<>();
        for (ImportedRow row : read.rows()) {
            String value = row.cells().get(header);
            if (value != null && !value.isBlank()) {
                values.add(value);
                if (values.size() == SAMPLE_COUNT) {
                    break;
                }
            }
        }
        return values;
    }

    /** Reads one edited row as a table of a header line and one data line. */
    private ImportedRow readRow(ImportedFile current, ImportedRow old, Map<String, String> cells,
            ImportOptions options) {
        List<String> headerLine = new ArrayList<>();
        List<String> dataLine = new ArrayList<>();
        Map<String, ImportField> byLetter = new LinkedHashMap<>();
        for (ColumnMapping column : current.mapping()) {
            headerLine.add(quote(column.header()));
            dataLine.add(quote(cells.getOrDefault(column.header(), "")));
            byLetter.put(column.letter(), column.field());
        }
        String text = String.join(";", headerLine) + "\r\n" + String.join(";", dataLine) + "\r\n";
        ImportOptions single = options.withMapping(byLetter).withDelimiter(';').withHeaderRow(1)
                .withEncoding(null).withSheet(null);
        ImportedFile read = services.engine().readText(text, current.sourceName(), single);
        if (read.rows().size() != 1) {
            throw new IllegalStateException("edited row " + old.rowNumber() + " read as " + read.rows().size() + " rows");
        }
        ImportedRow row = read.rows().get(0);
        return new ImportedRow(old.rowNumber(), old.sheet(), cells, row.careflexId(), row.incident(), row.problems(),
                row.changes(), null);
    }

    private static String quote(String text) {
        return "\"" + (text == null ? "" : text.replace("\"", "\"\"")) + "\"";
    }

    private void replaceRow(int rowNumber, EditResult result) {
        ImportedFile current = file.get();
        List<ImportedRow> updated = new ArrayList<>(current.rows().size());
        for (ImportedRow row : current.rows()) {
            updated.add(row.rowNumber() == rowNumber ? result.row() : row);
        }
        updated = markDuplicates(updated);
        ImportedFile edited = withRows(current, updated);
        file.set(edited);

        ImportService.Duplicate earlier = result.duplicates().isEmpty() ? null : result.duplicates().get(0);
        for (int i = 0; i < rows.size(); i++) {
            PreviewRow item = rows.get(i);
            ImportedRow now = updated.get(i);
            boolean changed = item.rowNumber() == rowNumber || !Objects.equals(item.row().duplicateOf(), now.duplicateOf());
            if (changed) {
                rows.set(i, new PreviewRow(edited, now, item.rowNumber() == rowNumber ? earlier : item.earlier()));
            }
        }
        countProblems();
        LOG.info("Import wizard row {} edited; {} errors remain in it", rowNumber, result.row().errors().size());
    }

    /** Marks rows that repeat an earlier row of the file, the way the engine does after reading. */
    private static List<ImportedRow> markDuplicates(List<ImportedRow> rows) {
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<ImportedRow> result = new ArrayList<>(rows.size());
        for (ImportedRow row : rows) {
            List<Problem> problems = row.problems().stream().filter(p -> !DUPLICATE_KEY.equals(p.key()))
                    .collect(Collectors.toCollection(ArrayList::new));
            Integer earlier = seen.putIfAbsent(Arrays.asList(row.careflexId(), row.incident()), row.rowNumber());
            if (earlier != null) {
                problems.add(Problem.warning(null, DUPLICATE_KEY, earlier));
            }
            if (Objects.equals(earlier, row.duplicateOf())) {
                result.add(row);
            } else {
                result.add(new ImportedRow(row.rowNumber(), row.sheet(), row.cells(), row.careflexId(), row.incident(),
                        problems, row.changes(), earlier));
            }
        }
        return result;
    }

    private static ImportedFile withRows(ImportedFile file, List<ImportedRow> rows) {
        return new ImportedFile(file.sourceName(), file.format(), file.encoding(), file.delimiter(), file.sheetName(),
                file.sheetNames(), file.headerRow(), file.headers(), file.headerSignature(), file.mapping(),
                file.profileName(), file.contentHash(), file.problems(), rows);
    }

    private void countProblems() {
        errorRows.set((int) rows.stream().filter(PreviewRow::hasErrors).count());
        duplicateRows.set((int) rows.stream().filter(PreviewRow::isDuplicate).count());
    }

    /** Adds the reason a row was left out when its own problems do not explain it. */
    private ImportedRow withReason(ImportService.LeftOut leftOut) {
        ImportedRow row = leftOut.row();
        if (row.hasErrors()) {
            return row;
        }
        List<Problem> problems = new ArrayList<>(row.problems());
        Object argument = leftOut.argument() == null ? "" : leftOut.argument();
        problems.add(Problem.error(null, leftOut.reasonKey(), argument));
        return new ImportedRow(row.rowNumber(), row.sheet(), row.cells(), row.careflexId(), row.incident(), problems,
                row.changes(), row.duplicateOf());
    }

    private void rememberCompany(String careflexId) {
        if (careflexId == null) {
            return;
        }
        try {
            SettingsStore store = services.settings();
            store.save(store.load().withLastCareflexId(careflexId));
        } catch (IOException e) {
            LOG.warn("Last used company could not be saved in the settings", e);
        }
    }

    private void failed(Throwable error) {
        LOG.warn("Import wizard step failed", error);
        message.set(UiTexts.format(locale, "importwizard.failed", error.getClass().getSimpleName()));
    }

    public Locale locale() {
        return locale;
    }

    public IncidentTypeCatalogue catalogue() {
        return services.catalogue();
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The file being imported. */
    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    /** The file as last read, with the clerk's edits. */
    public ObjectProperty<ImportedFile> fileProperty() {
        return file;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Share of the rows read, from 0 to 1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** The last error or note for the clerk, empty when there is none. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Override of the character set; null lets the engine detect it. */
    public ObjectProperty<Charset> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Character> delimiterProperty() {
        return delimiter;
    }

    public StringProperty sheetProperty() {
        return sheet;
    }

    public ObjectProperty<Integer> headerRowProperty() {
        return headerRow;
    }

    public StringProperty dateFormatProperty() {
        return dateFormat;
    }

    public ObservableList<Company> companies() {
        return companies;
    }

    /** The company of rows without a company column. */
    public ObjectProperty<Company> companyProperty() {
        return company;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public ObjectProperty<LocalDate> createdAtProperty() {
        return createdAt;
    }

    public ObjectProperty<LocalDate> validFromProperty() {
        return validFrom;
    }

    /** File problems and earlier imports of the same file, as sentences. */
    public ObservableList<String> fileProblems() {
        return fileProblems;
    }

    public ObservableList<MappingItem> mapping() {
        return mapping;
    }

    /** "Profil „…“ angewendet" or "gespeichert", empty without a profile. */
    public StringProperty profileNoteProperty() {
        return profileNote;
    }

    /** Every row of the file, in source order. */
    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    /** The rows the grid shows: all, or those with problems. */
    public FilteredList<PreviewRow> visibleRows() {
        return visibleRows;
    }

    public BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    public IntegerProperty errorRowsProperty() {
        return errorRows;
    }

    public IntegerProperty duplicateRowsProperty() {
        return duplicateRows;
    }

    public BooleanProperty skipDuplicatesProperty() {
        return skipDuplicates;
    }

    public ObjectProperty<ImportService.Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty outcomeTextProperty() {
        return outcomeText;
    }

    /** The rows the last import left out, with the reason. */
    public ObservableList<ImportService.LeftOut> rework() {
        return rework;
    }
}
