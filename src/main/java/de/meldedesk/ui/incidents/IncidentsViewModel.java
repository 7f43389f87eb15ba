package de.meldedesk.ui.incidents;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Text;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ImportService;
import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.common.Workspace;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the "Meldungen" screen: the companies, the filtered drafts
 * table, deleting with undo, pasting rows from a spreadsheet, and the editor
 * of the selected incident ({@link IncidentEditorModel}).
 */
public final class IncidentsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentsViewModel.class);

    private record Pasted(ImportedFile file, ImportService.Outcome outcome) {
    }

    private record Loaded(List<Company> companies, List<StoredIncident> incidents, long readyCount) {
    }

    private final Store store;
    private final ImportEngine importEngine;
    private final ImportService imports;
    private final BackgroundRunner runner;
    private final Workspace workspace;
    private final Supplier<LocalDate> today;
    private final Locale locale;
    private final IncidentEditorModel editor;

    private final ObservableList<Company> companies = FXCollections.observableArrayList();
    private final ObservableList<DraftRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DraftRow> visibleRows = new FilteredList<>(rows);
    private final ObjectProperty<Company> filterCompany = new SimpleObjectProperty<>(this, "filterCompany");
    private final ObjectProperty<IncidentStatus> filterStatus = new SimpleObjectProperty<>(this, "filterStatus");
    private final StringProperty filterType = new SimpleStringProperty(this, "filterType");
    private final ObjectProperty<YearMonth> filterMonth = new SimpleObjectProperty<>(this, "filterMonth");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty hasCompanies = new SimpleBooleanProperty(this, "hasCompanies", true);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObservableList<String> pasteProblems = FXCollections.observableArrayList();
    private final Deque<List<Long>> deleted = new ArrayDeque<>();
    private final Map<Long, Company> companiesById = new HashMap<>();

    private Consumer<Throwable> onFailure = error -> LOG.error("Background work on incidents failed", error);
    private boolean raisingChange;
    private int loadSequence;

    public IncidentsViewModel(Store store, ImportEngine importEngine, ImportService imports,
            IncidentTypeCatalogue catalogue, BackgroundRunner runner, Workspace workspace,
            Supplier<LocalDate> today, Locale locale) {
        this.store = store;
        this.importEngine = importEngine;
        this.imports = imports;
        this.runner = runner;
        this.workspace = workspace;
        this.today = today;
        this.locale = locale;
        this.editor = new IncidentEditorModel(store.incidents(), store.employees(), catalogue, runner, today);
        editor.setOnFailure(this::failed);
        editor.lastSaveProperty().addListener((obs, old, result) -> {
            if (result != null) {
                saved(result);
            }
        });
        filterCompany.addListener((obs, old, now) -> reload());
        filterStatus.addListener((obs, old, now) -> reload());
        filterType.addListener((obs, old, now) -> reload());
        filterMonth.addListener((obs, old, now) -> reload());
        filterText.addListener((obs, old, now) -> visibleRows.setPredicate(this::matchesText));
        workspace.draftsVersionProperty().addListener((obs, old, now) -> {
            if (!raisingChange) {
                reload();
            }
        });
    }

    public IncidentEditorModel editor() {
        return editor;
    }

    public ObservableList<Company> companies() {
        return companies;
    }

    /** The rows that pass the filters, including the free-text filter. */
    public ObservableList<DraftRow> visibleRows() {
        return visibleRows;
    }

    public ObjectProperty<Company> filterCompanyProperty() {
        return filterCompany;
    }

    public ObjectProperty<IncidentStatus> filterStatusProperty() {
        return filterStatus;
    }

    public StringProperty filterTypeProperty() {
        return filterType;
    }

    public ObjectProperty<YearMonth> filterMonthProperty() {
        return filterMonth;
    }

    /** Text matched against employee name, employee ID, reference and incident ID of the loaded rows. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty hasCompaniesProperty() {
        return hasCompanies;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** The latest outcome for the clerk, e.g. "2 drafts deleted". */
    public StringProperty messageProperty() {
        return message;
    }

    /** Problems of pasted rows, one line each with row and field. */
    public ObservableList<String> pasteProblems() {
        return pasteProblems;
    }

    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    public Company company(long id) {
        return companiesById.get(id);
    }

    /** Loads companies and incidents in the background, keeping the filters. */
    public void reload() {
        int sequence = ++loadSequence;
        IncidentFilter filter = currentFilter();
        runner.run(progress -> new Loaded(store.companies().list(false), store.incidents().list(filter),
                        store.incidents().count(IncidentFilter.ALL.statuses(IncidentStatus.READY))),
                loaded -> {
                    if (sequence == loadSequence) {
                        loaded(loaded);
                    }
                },
                this::failed);
    }

    private IncidentFilter currentFilter() {
        IncidentFilter filter = IncidentFilter.ALL;
        if (filterCompany.get() != null) {
            filter = filter.company(filterCompany.get().id());
        }
        if (filterStatus.get() != null) {
            filter = filter.statuses(filterStatus.get());
        }
        if (!Text.isBlank(filterType.get())) {
            filter = filter.type(filterType.get());
        }
        if (filterMonth.get() != null) {
            filter = filter.month(filterMonth.get());
        }
        return filter;
    }

    private void loaded(Loaded loaded) {
        companiesById.clear();
        loaded.companies().forEach(c -> companiesById.put(c.id(), c));
        if (!companies.equals(loaded.companies())) {
            companies.setAll(loaded.companies());
        }
        hasCompanies.set(!loaded.companies().isEmpty());
        Map<Long, DraftRow> existing = new HashMap<>();
        rows.forEach(row -> existing.put(row.id(), row));
        List<DraftRow> fresh = new ArrayList<>();
        for (StoredIncident incident : loaded.incidents()) {
            DraftRow row = existing.get(incident.id());
            if (row == null) {
                row = new DraftRow(incident);
            } else {
                row.storedProperty().set(incident);
            }
            fresh.add(row);
        }
        rows.setAll(fresh);
        workspace.readyCountProperty().set((int) loaded.readyCount());
    }

    private void saved(IncidentEditorModel.SaveResult result) {
        StoredIncident stored = result.stored();
        if (result.replacedId() != null) {
            rows.removeIf(row -> row.id() == result.replacedId());
        }
        DraftRow row = rowById(stored.id());
        if (row == null) {
            rows.add(new DraftRow(stored));
        } else {
            row.storedProperty().set(stored);
        }
        workspace.readyCountProperty().set((int) result.readyCount());
        raiseDraftsChanged();
    }

    public DraftRow rowById(long id) {
        for (DraftRow row : rows) {
            if (row.id() == id) {
                return row;
            }
        }
        return null;
    }

    private void raiseDraftsChanged() {
        raisingChange = true;
        try {
            workspace.draftsChanged();
        } finally {
            raisingChange = false;
        }
    }

    private boolean matchesText(DraftRow row) {
        String wanted = Text.clean(filterText.get());
        if (wanted == null) {
            return true;
        }
        String needle = wanted.toLowerCase(Locale.ROOT);
        StoredIncident stored = row.stored();
        var incident = stored.incident();
        for (String value : new String[] {incident.employee().lastName(), incident.employee().firstName(),
                incident.employeeId(), incident.externalId(), stored.incidentId(), incident.type()}) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Opens a row in the editor, after saving what the editor holds. */
    public void select(DraftRow row) {
        if (row == null) {
            return;
        }
        Long current = editor.currentIdProperty().get();
        if (current != null && current == row.id() && editor.openProperty().get()) {
            return;
        }
        editor.save();
        editor.open(row.stored(), companiesById.get(row.stored().companyId()));
    }

    /**
     * Starts a new incident for the company of the filter, else the one given,
     * else the first company. Returns false when there is no company yet.
     */
    public boolean newIncident(Company preferred) {
        Company owner = filterCompany.get() != null ? filterCompany.get() : preferred;
        if (owner == null && !companies.isEmpty()) {
            owner = companies.get(0);
        }
        if (owner == null) {
            message.set(Messages.format(locale, "incidents.noCompany.hint"));
            return false;
        }
        editor.save();
        editor.startNew(owner);
        return true;
    }

    /** Moves the incidents to the bin; sent ones stay. {@link #undoDelete()} brings them back. */
    public void delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        runner.run(progress -> store.incidents().softDelete(ids),
                count -> {
                    deleted.push(List.copyOf(ids));
                    canUndo.set(true);
                    Long current = editor.currentIdProperty().get();
                    if (current != null && ids.contains(current)) {
                        editor.clear();
                    }
                    message.set(Messages.format(locale, "incidents.deleted", count));
                    raiseDraftsChanged();
                    reload();
                },
                this::failed);
    }

    /** Takes the most recently deleted incidents out of the bin. */
    public void undoDelete() {
        if (deleted.isEmpty()) {
            return;
        }
        List<Long> ids = deleted.pop();
        canUndo.set(!deleted.isEmpty());
        runner.run(progress -> store.incidents().undelete(ids),
                count -> {
                    message.set(Messages.format(locale, "incidents.restored", count));
                    raiseDraftsChanged();
                    reload();
                },
                this::failed);
    }

    /**
     * Stores rows copied from a spreadsheet as drafts of {@code owner} (rows
     * with a company column keep theirs); rows with errors become drafts with
     * their problems, and the problems are listed by row.
     */
    public void paste(String text, Company owner) {
        if (Text.isBlank(text)) {
            return;
        }
        String careflexId = owner == null ? null : owner.careflexId();
        String sourceName = Messages.format(locale, "incidents.paste.sourceName");
        runner.run(progress -> {
            ImportedFile file = importEngine.readText(text, sourceName,
                    ImportOptions.defaults().withCareflexId(careflexId).withToday(today.get()));
            return new Pasted(file, imports.store(file, careflexId, true, false));
        }, result -> {
            ImportedFile file = result.file();
            ImportService.Outcome outcome = result.outcome();
            List<String> lines = new ArrayList<>();
            for (Problem problem : file.problems()) {
                lines.add(file.describe(null, problem, locale));
            }
            for (ImportedRow row : file.rows()) {
                for (Problem problem : row.problems()) {
                    lines.add(file.describe(row, problem, locale));
                }
            }
            for (ImportService.LeftOut left : outcome.leftOut()) {
                lines.add(Messages.format(locale, "incidents.paste.leftOut", left.row().rowNumber(),
                        Messages.format(locale, left.reasonKey(), left.argument())));
            }
            pasteProblems.setAll(lines);
            message.set(Messages.format(locale, "incidents.paste.done", outcome.draftIds().size(), outcome.ready()));
            raiseDraftsChanged();
            reload();
        }, this::failed);
    }

    /** Returns the incidents as tab-separated text with a header row. */
    public String copyText(List<DraftRow> selected) {
        return TsvExport.write(selected.stream().map(DraftRow::stored).toList(), locale);
    }

    /**
     * Hands the ready incidents among {@code selected} to the submit flow, or
     * every ready incident when none of the selected is ready.
     */
    public void requestSubmit(List<DraftRow> selected) {
        editor.save();
        List<Long> ready = selected.stream()
                .filter(row -> row.stored().status() == IncidentStatus.READY)
                .map(DraftRow::id)
                .toList();
        if (!ready.isEmpty()) {
            workspace.requestSubmit(ready);
            return;
        }
        runner.run(progress -> store.incidents().list(IncidentFilter.ALL.statuses(IncidentStatus.READY)),
                all -> {
                    if (all.isEmpty()) {
                        message.set(Messages.format(locale, "incidents.submit.noneReady"));
                    } else {
                        workspace.requestSubmit(all.stream().map(StoredIncident::id).toList());
                    }
                },
                this::failed);
    }

    /** Creates a company; {@code onDone} receives it, or a message for the clerk when the ID is taken. */
    public void createCompany(String careflexId, String name, Consumer<Company> onDone, Consumer<String> onRejected) {
        String id = Text.clean(careflexId);
        String cleanName = Text.clean(name);
        if (id == null || cleanName == null) {
            onRejected.accept(Messages.format(locale, "incidents.company.missing"));
            return;
        }
        runner.run(progress -> store.companies().create(id, cleanName, false, null),
                created -> {
                    onDone.accept(created);
                    reload();
                },
                error -> {
                    if (error instanceof IllegalArgumentException) {
                        onRejected.accept(Messages.format(locale, "incidents.company.taken", id));
                    } else {
                        failed(error);
                    }
                });
    }

    private void failed(Throwable error) {
        LOG.error("Work on incidents failed", error);
        message.set(Messages.format(locale, "incidents.failed"));
        onFailure.accept(error);
    }
}
