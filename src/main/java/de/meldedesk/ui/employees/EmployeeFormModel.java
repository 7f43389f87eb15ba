package de.meldedesk.ui.employees;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentText;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredEmployee;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.IncidentValidator;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.CompanyRepository;
import de.meldedesk.persistence.EmployeeRepository;
import de.meldedesk.ui.common.BackgroundRunner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The employee search and the master-data form. The form contains every field as
 * typed and checks it with the rules of incidents: names are required, every
 * other part is checked once any of its fields is filled in, as for a
 * master-data change ({@code SDB}).
 */
public final class EmployeeFormModel {

    private static final Logger LOG = LoggerFactory.getLogger(EmployeeFormModel.class);

    /** Maximum number of search results shown. */
    public static final int SEARCH_LIMIT = 200;

    /** The source recorded with changes typed in this form. */
    public static final String SOURCE = "typed";

    /** The fields of the form: the employee ID and all master data. */
    public static final Set<IncidentField> FIELDS = EnumSet.complementOf(EnumSet.of(
            IncidentField.EXTERNAL_ID, IncidentField.TYPE, IncidentField.CREATED_AT, IncidentField.VALID_FROM));

    private static final Set<IncidentField> ADDRESS_WITHOUT_COUNTRY = EnumSet.of(IncidentField.STREET,
            IncidentField.HOUSE_NUMBER, IncidentField.ADDRESS_SUFFIX, IncidentField.ZIP_CODE, IncidentField.CITY);

    private final EmployeeRepository employees;
    private final CompanyRepository companyRepository;
    private final BackgroundRunner runner;
    private final Locale locale;
    private final Supplier<LocalDate> today;
    private final IncidentValidator validator = new IncidentValidator(IncidentTypeCatalogue.builtIn());

    private final ObservableList<Company> companies = FXCollections.observableArrayList();
    private final ObjectProperty<Company> company = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<StoredEmployee> results = FXCollections.observableArrayList();
    private final ObjectProperty<StoredEmployee> editing = new SimpleObjectProperty<>();
    private final Map<IncidentField, StringProperty> fields = new EnumMap<>(IncidentField.class);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final ObservableList<EmployeeChange> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean loading;
    private long searchRequest;

    public EmployeeFormModel(EmployeeRepository employees, CompanyRepository companyRepository, BackgroundRunner runner,
            Locale locale, Supplier<LocalDate> today) {
        this.employees = employees;
        this.companyRepository = companyRepository;
        this.runner = runner;
        this.locale = locale;
        this.today = today;
        for (IncidentField field : FIELDS) {
            StringProperty property = new SimpleStringProperty(this, field.path(), "");
            property.addListener((obs, old, now) -> {
                if (!loading) {
                    revalidate();
                }
            });
            fields.put(field, property);
        }
        fields.get(IncidentField.COUNTRY).set("DE");
        revalidate();
    }

    public ObservableList<Company> companies() {
        return companies;
    }

    /** The company whose employees are searched and saved; null searches all companies. */
    public ObjectProperty<Company> companyProperty() {
        return company;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<StoredEmployee> results() {
        return results;
    }

    /** The stored employee in the form, or null while a new one is entered. */
    public ObjectProperty<StoredEmployee> editingProperty() {
        return editing;
    }

    public StringProperty field(IncidentField field) {
        StringProperty property = fields.get(field);
        if (property == null) {
            throw new IllegalArgumentException(field + " is not a master-data field");
        }
        return property;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    /** The stored changes of the employee in the form, newest first. */
    public ObservableList<EmployeeChange> changes() {
        return changes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Loads the active companies in the background and chooses the first when none is chosen. */
    public void loadCompanies() {
        runner.run(progress -> companyRepository.list(false), loaded -> {
            Company chosen = company.get();
            companies.setAll(loaded);
            Company match = chosen == null ? null
                    : loaded.stream().filter(c -> c.id() == chosen.id()).findFirst().orElse(null);
            company.set(match != null ? match : loaded.isEmpty() ? null : loaded.get(0));
            search();
        }, this::failed);
    }

    /** Searches by name, employee ID or personnel number in the chosen company. */
    public void search() {
        Long companyId = company.get() == null ? null : company.get().id();
        String text = searchText.get() == null ? "" : searchText.get().strip();
        long request = ++searchRequest;
        // A search typed later may finish earlier; only the newest one fills the list.
        runner.run(progress -> employees.search(companyId, text, SEARCH_LIMIT), found -> {
            if (request == searchRequest) {
                results.setAll(found);
            }
        }, this::failed);
    }

    /** Clears the form for a new employee; the country starts as DE. */
    public void startNew() {
        editing.set(null);
        loading = true;
        try {
            fields.values().forEach(property -> property.set(""));
            fields.get(IncidentField.COUNTRY).set("DE");
        } finally {
            loading = false;
        }
        changes.clear();
        message.set("");
        revalidate();
    }

    /** Fills the form from a stored employee and loads its change history. */
    public void edit(StoredEmployee stored) {
        if (stored == null) {
            startNew();
            return;
        }
        editing.set(stored);
        Map<IncidentField, String> text = IncidentText.toText(
                new Incident(null, null, stored.employeeId(), null, null, stored.employee()));
        loading = true;
        try {
            for (IncidentField field : FIELDS) {
                fields.get(field).set(text.getOrDefault(field, ""));
            }
            if (stored.employee().address().isEmpty()) {
                fields.get(IncidentField.COUNTRY).set("DE");
            }
        } finally {
            loading = false;
        }
        message.set("");
        revalidate();
        companies.stream().filter(c -> c.id() == stored.companyId()).findFirst().ifPresent(company::set);
        loadChanges(stored.companyId(), stored.employeeId());
    }

    private void loadChanges(long companyId, String employeeId) {
        runner.run(progress -> employees.changes(companyId, employeeId), loaded -> {
            List<EmployeeChange> newestFirst = new ArrayList<>(loaded);
            java.util.Collections.reverse(newestFirst);
            changes.setAll(newestFirst);
        }, this::failed);
    }

    /** Saves the form with {@link EmployeeRepository#upsert} in the background when it has no errors. */
    public void save() {
        revalidate();
        Company target = company.get();
        if (target == null) {
            message.set(Messages.format(locale, "employees.message.noCompany"));
            return;
        }
        if (hasErrors.get()) {
            message.set(Messages.format(locale, "employees.message.fixFirst", problems.stream()
                    .filter(Problem::isError).count()));
            return;
        }
        IncidentText.Reading reading = read();
        String employeeId = reading.incident().employeeId();
        Employee employee = reading.incident().employee();
        busy.set(true);
        runner.run(progress -> {
            EmployeeRepository.UpsertResult result = employees.upsert(target.id(), employeeId, employee, SOURCE);
            StoredEmployee stored = employees.find(target.id(), employeeId).orElseThrow();
            return new Saved(result, stored);
        }, saved -> {
            busy.set(false);
            LOG.info("Saved employee {} of company {}: created {}, {} fields changed", employeeId, target.careflexId(),
                    saved.result().created(), saved.result().changedFields().size());
            edit(saved.stored());
            message.set(saved.result().created()
                    ? Messages.format(locale, "employees.message.created", employeeId)
                    : Messages.format(locale, "employees.message.saved", employeeId,
                            saved.result().changedFields().size()));
            search();
        }, this::failed);
    }

    private record Saved(EmployeeRepository.UpsertResult result, StoredEmployee stored) {
    }

    /** Returns the problems of one field, errors first. */
    public List<Problem> problemsFor(IncidentField field) {
        List<Problem> found = new ArrayList<>();
        for (Problem problem : problems) {
            if (field.path().equals(problem.field())) {
                found.add(problem);
            }
        }
        found.sort((a, b) -> a.severity().compareTo(b.severity()));
        return found;
    }

    /**
     * Reads the form; fields that are not valid yet are null in the employee.
     * The preset country alone does not make an address, so it is left out
     * while the other address fields are empty.
     */
    public IncidentText.Reading read() {
        Map<IncidentField, String> text = new EnumMap<>(IncidentField.class);
        fields.forEach((field, property) -> text.put(field, property.get()));
        boolean addressEmpty = ADDRESS_WITHOUT_COUNTRY.stream().allMatch(field -> Text.isBlank(text.get(field)));
        if (addressEmpty) {
            text.put(IncidentField.COUNTRY, "");
        }
        text.put(IncidentField.TYPE, IncidentTypeCatalogue.SDB);
        return IncidentText.read(text, today.get());
    }

    /** Checks the form as a master-data change would be checked, keeping only problems of its own fields. */
    public void revalidate() {
        IncidentText.Reading reading = read();
        Set<String> paths = new java.util.HashSet<>();
        FIELDS.forEach(field -> paths.add(field.path()));
        List<Problem> found = new ArrayList<>();
        for (Problem problem : reading.problems()) {
            if (paths.contains(problem.field())) {
                found.add(problem);
            }
        }
        for (Problem problem : validator.validate(reading.incident(), today.get())) {
            if (paths.contains(problem.field()) && !reading.invalidInput().containsKey(problem.field())) {
                found.add(problem);
            }
        }
        problems.setAll(found);
        hasErrors.set(found.stream().anyMatch(Problem::isError));
    }

    private void failed(Throwable error) {
        busy.set(false);
        LOG.warn("Employee action failed", error);
        message.set(Messages.format(locale, "employees.message.failed"));
    }
}
