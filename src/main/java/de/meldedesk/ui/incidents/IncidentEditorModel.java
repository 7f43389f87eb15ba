package de.meldedesk.ui.incidents;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentText;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.PartRule;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.persistence.EmployeeRepository;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.IncidentRepository;
import de.meldedesk.ui.common.BackgroundRunner;
import de.meldedesk.ui.incident.IncidentForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the incident editor: the form, the company, which master-data
 * parts go with the report, and saving. Every change by the clerk raises
 * {@link #editCountProperty()}; the view restarts a short timer on it and calls
 * {@link #save()}, so typed text reaches the store within about a second.
 * Saves run one at a time; a change made while one runs is saved right after.
 */
public final class IncidentEditorModel {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentEditorModel.class);
    private static final int EMPLOYEE_MATCHES = 20;

    /** The outcome of one save: the stored incident, earlier incidents like it, and the number of ready incidents. */
    public record SaveResult(StoredIncident stored, List<StoredIncident> duplicates, long readyCount,
                             Long replacedId) {
    }

    private record Snapshot(long session, Long id, long companyId, Long storedCompanyId, Incident incident,
                            IncidentStatus status, List<Problem> problems, Map<String, String> invalidInput,
                            boolean registerEmployee, int editCount) {
    }

    private final IncidentRepository incidents;
    private final EmployeeRepository employees;
    private final IncidentTypeCatalogue catalogue;
    private final BackgroundRunner runner;
    private final Supplier<LocalDate> today;
    private final IncidentForm form;

    private final ObjectProperty<Company> company = new SimpleObjectProperty<>(this, "company");
    private final ObjectProperty<Long> currentId = new SimpleObjectProperty<>(this, "currentId");
    private final ObjectProperty<IncidentStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty warningsAcknowledged = new SimpleBooleanProperty(this, "warningsAcknowledged");
    private final IntegerProperty editCount = new SimpleIntegerProperty(this, "editCount");
    private final Map<MasterDataPart, BooleanProperty> included = new EnumMap<>(MasterDataPart.class);
    private final Map<MasterDataPart, BooleanProperty> locked = new EnumMap<>(MasterDataPart.class);
    private final Map<MasterDataPart, Map<IncidentField, String>> stash = new EnumMap<>(MasterDataPart.class);
    private final ObservableList<StoredIncident> duplicates = FXCollections.observableArrayList();
    private final ObservableList<StoredEmployee> employeeMatches = FXCollections.observableArrayList();
    private final ObjectProperty<SaveResult> lastSave = new SimpleObjectProperty<>(this, "lastSave");
    private final BooleanBinding hasWarnings;
    private final BooleanBinding canMarkReady;

    private final Object writeLock = new Object();
    private volatile long writtenSession = -1;
    private volatile Long writtenId;
    private Long storedCompanyId;
    private long session;
    private boolean loading;
    private boolean saving;
    private boolean saveAgain;
    private int searchSequence;
    private Consumer<Throwable> onFailure = error -> LOG.error("Saving the incident failed", error);

    public IncidentEditorModel(IncidentRepository incidents, EmployeeRepository employees,
            IncidentTypeCatalogue catalogue, BackgroundRunner runner, Supplier<LocalDate> today) {
        this.incidents = incidents;
        this.employees = employees;
        this.catalogue = catalogue;
        this.runner = runner;
        this.today = today;
        this.form = new IncidentForm(catalogue, today);
        for (MasterDataPart part : MasterDataPart.values()) {
            BooleanProperty include = new SimpleBooleanProperty(this, "include" + part);
            include.addListener((obs, was, now) -> partToggled(part, now));
            included.put(part, include);
            locked.put(part, new SimpleBooleanProperty(this, "locked" + part));
        }
        for (IncidentField field : IncidentField.values()) {
            form.field(field).addListener((obs, old, now) -> changed());
        }
        form.field(IncidentField.TYPE).addListener((obs, old, now) -> {
            if (!loading) {
                applyTypeRules(false);
            }
        });
        company.addListener((obs, old, now) -> changed());
        hasWarnings = Bindings.createBooleanBinding(
                () -> form.problems().stream().anyMatch(p -> !p.isError()), form.problems());
        canMarkReady = open.and(editable).and(form.hasErrorsProperty().not())
                .and(hasWarnings.not().or(warningsAcknowledged))
                .and(Bindings.createBooleanBinding(() -> status.get() != IncidentStatus.READY, status));
    }

    public IncidentForm form() {
        return form;
    }

    public ObjectProperty<Company> companyProperty() {
        return company;
    }

    /** The store id of the incident in the editor, or null while a new one has not been saved yet. */
    public ObjectProperty<Long> currentIdProperty() {
        return currentId;
    }

    public ObjectProperty<IncidentStatus> statusProperty() {
        return status;
    }

    /** Whether an incident is in the editor at all. */
    public BooleanProperty openProperty() {
        return open;
    }

    /** Whether the incident may still be changed; sent incidents are shown read-only. */
    public BooleanProperty editableProperty() {
        return editable;
    }

    /** Whether the editor contains changes that are not saved yet. */
    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyIntegerProperty editCountProperty() {
        return editCount;
    }

    public BooleanProperty warningsAcknowledgedProperty() {
        return warningsAcknowledged;
    }

    public BooleanBinding hasWarningsBinding() {
        return hasWarnings;
    }

    /** True when the incident has no errors, its warnings are acknowledged, and it is not ready yet. */
    public BooleanBinding canMarkReadyBinding() {
        return canMarkReady;
    }

    /** Whether a master-data part goes with the report; unticking it empties its fields. */
    public BooleanProperty includedProperty(MasterDataPart part) {
        return included.get(part);
    }

    /** Whether the type requires the part, so it cannot be left out. */
    public BooleanProperty lockedProperty(MasterDataPart part) {
        return locked.get(part);
    }

    /** Earlier drafts or sent incidents of the same employee, type and validFrom. */
    public ObservableList<StoredIncident> duplicates() {
        return duplicates;
    }

    public ObservableList<StoredEmployee> employeeMatches() {
        return employeeMatches;
    }

    /** The outcome of the latest save; the drafts table updates its row from it. */
    public ObjectProperty<SaveResult> lastSaveProperty() {
        return lastSave;
    }

    public void setOnFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** Starts a new incident for {@code owner} with today's date, validFrom on the 1st of next month and type NEW. */
    public void startNew(Company owner) {
        LocalDate now = today.get();
        Incident incident = new Incident(null, IncidentTypeCatalogue.NEW, null, now, DateText.firstOfNextMonth(now),
                Employee.EMPTY);
        begin(null, owner, null, IncidentStatus.DRAFT, incident, Map.of());
        if (included.get(MasterDataPart.ADDRESS).get()) {
            setQuietly(IncidentField.COUNTRY, "DE");
        }
    }

    /** Shows a stored incident; {@code owner} is its company. */
    public void open(StoredIncident stored, Company owner) {
        begin(stored.id(), owner, stored.companyId(), stored.status(), stored.incident(), stored.invalidInput());
    }

    /** Empties the editor, for example after its incident was deleted. */
    public void clear() {
        begin(null, null, null, null, new Incident(null, null, null, null, null, Employee.EMPTY), Map.of());
        open.set(false);
        editable.set(false);
    }

    private void begin(Long id, Company owner, Long ownerId, IncidentStatus newStatus, Incident incident,
            Map<String, String> invalidInput) {
        session++;
        loading = true;
        try {
            currentId.set(id);
            storedCompanyId = ownerId;
            company.set(owner);
            status.set(newStatus);
            form.load(incident, invalidInput);
            stash.clear();
            duplicates.clear();
            employeeMatches.clear();
            warningsAcknowledged.set(false);
            applyTypeRules(true);
        } finally {
            loading = false;
        }
        form.revalidate();
        open.set(true);
        editable.set(newStatus == null || newStatus.isEditable());
        dirty.set(false);
    }

    private void changed() {
        if (loading || !open.get()) {
            return;
        }
        dirty.set(true);
        editCount.set(editCount.get() + 1);
    }

    private void setQuietly(IncidentField field, String value) {
        boolean was = loading;
        loading = true;
        try {
            form.field(field).set(value);
        } finally {
            loading = was;
        }
        form.revalidate();
    }

    /**
     * Sets inclusion and locks from the type: required parts are included and
     * locked, others are included when they hold data. When the type changes
     * while the clerk types, parts are only added, never emptied.
     */
    private void applyTypeRules(boolean initial) {
        IncidentType type = catalogue.find(form.field(IncidentField.TYPE).get()).orElse(null);
        for (MasterDataPart part : MasterDataPart.values()) {
            PartRule rule = type == null ? PartRule.OPTIONAL : type.rule(part);
            boolean required = rule == PartRule.REQUIRED;
            locked.get(part).set(required);
            if (required) {
                included.get(part).set(true);
            } else if (initial) {
                included.get(part).set(hasData(part));
            }
        }
    }

    private boolean hasData(MasterDataPart part) {
        for (IncidentField field : MasterDataParts.fields(part)) {
            if (!Text.isBlank(form.field(field).get())) {
                return true;
            }
        }
        return false;
    }

    private void partToggled(MasterDataPart part, boolean now) {
        if (loading) {
            return;
        }
        if (now) {
            Map<IncidentField, String> kept = stash.remove(part);
            if (kept != null) {
                kept.forEach((field, text) -> form.field(field).set(text));
            } else if (part == MasterDataPart.ADDRESS && Text.isBlank(form.field(IncidentField.COUNTRY).get())) {
                form.field(IncidentField.COUNTRY).set("DE");
            }
        } else {
            Map<IncidentField, String> kept = new EnumMap<>(IncidentField.class);
            for (IncidentField field : MasterDataParts.fields(part)) {
                kept.put(field, form.field(field).get());
                form.field(field).set("");
            }
            stash.put(part, kept);
        }
    }

    /** Searches the register by name, employee ID or personnel number within the chosen company. */
    public void searchEmployees(String text) {
        int sequence = ++searchSequence;
        Company owner = company.get();
        if (Text.isBlank(text)) {
            employeeMatches.clear();
            return;
        }
        Long companyId = owner == null ? null : owner.id();
        runner.run(progress -> employees.search(companyId, text.strip(), EMPLOYEE_MATCHES),
                found -> {
                    if (sequence == searchSequence) {
                        employeeMatches.setAll(found);
                    }
                },
                onFailure);
    }

    /** Fills the employee ID and the included master-data parts from the register. */
    public void applyEmployee(StoredEmployee employee) {
        Map<IncidentField, String> text = IncidentText.toText(
                new Incident(null, null, null, null, null, employee.employee()));
        form.field(IncidentField.EMPLOYEE_ID).set(employee.employeeId());
        for (MasterDataPart part : MasterDataPart.values()) {
            if (!included.get(part).get()) {
                continue;
            }
            for (IncidentField field : MasterDataParts.fields(part)) {
                String value = text.getOrDefault(field, "");
                if (!value.isEmpty()) {
                    form.field(field).set(value);
                }
            }
        }
        employeeMatches.clear();
    }

    /** Marks the incident ready to send and saves it; does nothing while it has errors. */
    public boolean markReady() {
        if (!canMarkReady.get()) {
            return false;
        }
        status.set(IncidentStatus.READY);
        dirty.set(true);
        editCount.set(editCount.get() + 1);
        save(true);
        return true;
    }

    /** Saves pending changes in the background. */
    public void save() {
        save(false);
    }

    private void save(boolean registerEmployee) {
        if (!dirty.get() || !editable.get() || company.get() == null) {
            return;
        }
        if (saving) {
            saveAgain = true;
            return;
        }
        Snapshot snapshot = snapshot(registerEmployee);
        saving = true;
        runner.run(progress -> write(snapshot),
                result -> {
                    saving = false;
                    saved(snapshot, result);
                    if (saveAgain) {
                        saveAgain = false;
                        save();
                    }
                },
                error -> {
                    saving = false;
                    saveAgain = false;
                    onFailure.accept(error);
                });
    }

    /**
     * Saves pending changes at once on the calling thread. Used when the
     * window closes, when a background save might not finish; it is one small write.
     */
    public void saveNow() {
        if (!dirty.get() || !editable.get() || company.get() == null) {
            return;
        }
        Snapshot snapshot = snapshot(false);
        saved(snapshot, write(snapshot));
    }

    private Snapshot snapshot(boolean registerEmployee) {
        IncidentText.Reading reading = form.read();
        IncidentStatus current = status.get() == null ? IncidentStatus.DRAFT : status.get();
        if (current == IncidentStatus.READY && form.hasErrorsProperty().get()) {
            current = IncidentStatus.DRAFT;
        }
        return new Snapshot(session, currentId.get(), company.get().id(), storedCompanyId, reading.incident(), current,
                List.copyOf(form.problems()), reading.invalidInput(), registerEmployee, editCount.get());
    }

    /**
     * Writes a snapshot; runs in the background except from {@link #saveNow()}.
     * Writes are serialised, and a snapshot taken before the first insert of
     * its session had finished reuses the id that insert got, so a new draft
     * is never inserted twice.
     */
    private SaveResult write(Snapshot snapshot) {
        synchronized (writeLock) {
            SaveResult result = writeLocked(snapshot);
            writtenSession = snapshot.session();
            writtenId = result.stored().id();
            return result;
        }
    }

    private SaveResult writeLocked(Snapshot snapshot) {
        Incident incident = snapshot.incident();
        Long id = snapshot.id();
        if (id == null && writtenSession == snapshot.session()) {
            id = writtenId;
        }
        Long replaced = null;
        if (id != null && snapshot.storedCompanyId() != null && snapshot.storedCompanyId() != snapshot.companyId()) {
            // The store keeps the company of a draft fixed, so a move is a new draft plus the old one in the bin.
            incidents.softDelete(List.of(id));
            replaced = id;
            id = null;
        }
        StoredIncident stored;
        if (id == null) {
            long newId = incidents.insertDraft(new Draft(snapshot.companyId(), incident, snapshot.status(),
                    snapshot.problems(), Source.TYPED, snapshot.invalidInput(), null));
            id = newId;
        }
        if (Text.isBlank(incident.externalId())) {
            incident = incident.withExternalId(externalIdFor(id, today.get()));
        }
        stored = incidents.updateDraft(id, incident, snapshot.status(), snapshot.problems(), snapshot.invalidInput());
        if (snapshot.registerEmployee() && incident.employeeId() != null && !incident.employee().isEmpty()) {
            employees.merge(snapshot.companyId(), incident.employeeId(), incident.employee(), "typed");
        }
        List<StoredIncident> same = List.of();
        if (incident.employeeId() != null && incident.type() != null && incident.validFrom() != null) {
            same = incidents.findDuplicates(snapshot.companyId(), incident.employeeId(), incident.type(),
                    incident.validFrom(), id);
        }
        long ready = incidents.count(IncidentFilter.ALL.statuses(IncidentStatus.READY));
        return new SaveResult(stored, same, ready, replaced);
    }

    private void saved(Snapshot snapshot, SaveResult result) {
        if (snapshot.session() == session) {
            currentId.set(result.stored().id());
            storedCompanyId = result.stored().companyId();
            status.set(result.stored().status());
            if (Text.isBlank(form.field(IncidentField.EXTERNAL_ID).get())) {
                setQuietly(IncidentField.EXTERNAL_ID, result.stored().incident().externalId());
            }
            duplicates.setAll(result.duplicates());
            if (editCount.get() == snapshot.editCount()) {
                dirty.set(false);
            }
        }
        lastSave.set(result);
    }

    /** Returns the reference given to an incident without one, e.g. {@code MD-2026-000123} for id 123. */
    public static String externalIdFor(long id, LocalDate day) {
        return String.format(Locale.ROOT, "MD-%d-%06d", day.getYear(), id);
    }

    /** Returns the problems of every field with an error, for the list beside the form. */
    public List<Problem> problems() {
        return new ArrayList<>(form.problems());
    }
}
