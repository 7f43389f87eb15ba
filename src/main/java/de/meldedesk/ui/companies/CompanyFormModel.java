package de.meldedesk.ui.companies;

import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.CompanyInUseException;
import de.meldedesk.persistence.CompanyRepository;
import de.meldedesk.ui.common.BackgroundRunner;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company list and the form for one company: CareFlex ID and name checked
 * as the clerk types, the managing flag and the managing company it reports
 * through. A company with data cannot be deleted; the model then offers to
 * archive it.
 */
public final class CompanyFormModel {

    private static final Logger LOG = LoggerFactory.getLogger(CompanyFormModel.class);
    private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16}");

    private final CompanyRepository companies;
    private final BackgroundRunner runner;
    private final Locale locale;

    private final ObservableList<Company> list = FXCollections.observableArrayList();
    private final BooleanProperty showArchived = new SimpleBooleanProperty();
    private final ObjectProperty<Company> editing = new SimpleObjectProperty<>();
    private final StringProperty careflexId = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty managing = new SimpleBooleanProperty();
    private final ObjectProperty<Company> managedBy = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper careflexIdError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper careflexIdWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty archiveOffered = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding valid;

    public CompanyFormModel(CompanyRepository companies, BackgroundRunner runner, Locale locale) {
        this.companies = companies;
        this.runner = runner;
        this.locale = locale;
        careflexId.addListener((obs, old, now) -> validate());
        name.addListener((obs, old, now) -> validate());
        list.addListener((javafx.collections.ListChangeListener<Company>) change -> validate());
        showArchived.addListener((obs, old, now) -> reload());
        valid = Bindings.createBooleanBinding(() -> careflexIdError.get().isEmpty() && nameError.get().isEmpty(),
                careflexIdError, nameError);
        validate();
    }

    /** The companies shown in the table, sorted by name. */
    public ObservableList<Company> companies() {
        return list;
    }

    public BooleanProperty showArchivedProperty() {
        return showArchived;
    }

    /** The company being edited, or null while a new one is entered. */
    public ObjectProperty<Company> editingProperty() {
        return editing;
    }

    public StringProperty careflexIdProperty() {
        return careflexId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty managingProperty() {
        return managing;
    }

    /** The managing company this one reports through, or null when it reports for itself. */
    public ObjectProperty<Company> managedByProperty() {
        return managedBy;
    }

    /** The error of the CareFlex ID field, empty when it is acceptable. */
    public ReadOnlyStringProperty careflexIdErrorProperty() {
        return careflexIdError.getReadOnlyProperty();
    }

    /** A warning about the CareFlex ID that does not stop saving, empty when there is none. */
    public ReadOnlyStringProperty careflexIdWarningProperty() {
        return careflexIdWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** The outcome of the last action in the clerk's words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True after a delete failed because the company has data; archiving is the way out. */
    public BooleanProperty archiveOfferedProperty() {
        return archiveOffered;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** Returns the managing companies other than the one being edited, for the "reports through" choice. */
    public List<Company> managingCandidates() {
        Company current = editing.get();
        return list.stream()
                .filter(Company::managing)
                .filter(c -> current == null || c.id() != current.id())
                .toList();
    }

    /** Loads the company list in the background. */
    public void reload() {
        boolean archived = showArchived.get();
        busy.set(true);
        runner.run(progress -> companies.list(archived), loaded -> {
            busy.set(false);
            list.setAll(loaded);
        }, this::failed);
    }

    /** Clears the form for a new company; the first company becomes the managing one. */
    public void startNew() {
        editing.set(null);
        careflexId.set("");
        name.set("");
        List<Company> managers = list.stream().filter(Company::managing).filter(c -> !c.archived()).toList();
        managing.set(managers.isEmpty());
        managedBy.set(managers.isEmpty() ? null : managers.get(0));
        archiveOffered.set(false);
        message.set("");
    }

    /** Fills the form from a company of the list. */
    public void edit(Company company) {
        if (company == null) {
            startNew();
            return;
        }
        editing.set(company);
        careflexId.set(company.careflexId());
        name.set(company.name());
        managing.set(company.managing());
        managedBy.set(company.managedBy() == null ? null
                : list.stream().filter(c -> c.id() == company.managedBy()).findFirst().orElse(null));
        archiveOffered.set(false);
        message.set("");
    }

    /** Creates or updates the company in the background; invalid input is not saved. */
    public void save() {
        validate();
        if (!valid.get()) {
            message.set(Messages.format(locale, "companies.message.fixFirst"));
            return;
        }
        Company current = editing.get();
        String id = careflexId.get().strip();
        String companyName = name.get().strip();
        boolean isManaging = managing.get();
        Long manager = managedBy.get() == null || isManaging ? null : managedBy.get().id();
        busy.set(true);
        runner.run(progress -> current == null
                ? companies.create(id, companyName, isManaging, manager)
                : companies.update(new Company(current.id(), id, companyName, isManaging, manager,
                        current.archived(), current.createdAt(), current.updatedAt())),
                saved -> {
                    busy.set(false);
                    LOG.info("Saved company {} ({})", saved.id(), saved.careflexId());
                    message.set(Messages.format(locale, current == null
                            ? "companies.message.created" : "companies.message.saved", saved.name()));
                    editing.set(saved);
                    reload();
                },
                this::failed);
    }

    /** Deletes the edited company; when it has data, offers to archive it instead. */
    public void delete() {
        Company current = editing.get();
        if (current == null) {
            return;
        }
        busy.set(true);
        runner.run(progress -> {
            companies.delete(current.id());
            return current;
        }, deleted -> {
            busy.set(false);
            LOG.info("Deleted company {} ({})", deleted.id(), deleted.careflexId());
            startNew();
            message.set(Messages.format(locale, "companies.message.deleted", deleted.name()));
            reload();
        }, error -> {
            busy.set(false);
            if (error instanceof CompanyInUseException inUse) {
                archiveOffered.set(true);
                message.set(inUse.userMessage(locale));
            } else {
                failed(error);
            }
        });
    }

    /** Archives the edited company (or brings it back): it keeps its history but no longer appears in lists. */
    public void setArchived(boolean archived) {
        Company current = editing.get();
        if (current == null) {
            return;
        }
        busy.set(true);
        runner.run(progress -> {
            companies.setArchived(current.id(), archived);
            return companies.findById(current.id()).orElse(current);
        }, changed -> {
            busy.set(false);
            LOG.info("Company {} archived: {}", changed.id(), archived);
            archiveOffered.set(false);
            editing.set(changed);
            message.set(Messages.format(locale,
                    archived ? "companies.message.archived" : "companies.message.restored", changed.name()));
            reload();
        }, this::failed);
    }

    private void failed(Throwable error) {
        busy.set(false);
        if (error instanceof IllegalArgumentException && error.getMessage() != null
                && error.getMessage().startsWith("CareFlex ID")) {
            message.set(Messages.format(locale, "companies.careflexId.taken", careflexId.get().strip()));
            return;
        }
        LOG.warn("Company action failed", error);
        message.set(Messages.format(locale, "companies.message.failed"));
    }

    /** Checks the form; called on every change. */
    void validate() {
        String id = careflexId.get() == null ? "" : careflexId.get();
        String trimmed = id.strip();
        Company current = editing.get();
        if (trimmed.isEmpty()) {
            careflexIdError.set(Messages.format(locale, "companies.careflexId.missing"));
        } else if (id.chars().anyMatch(Character::isWhitespace)) {
            careflexIdError.set(Messages.format(locale, "companies.careflexId.spaces"));
        } else if (list.stream().anyMatch(c -> c.careflexId().equalsIgnoreCase(trimmed)
                && (current == null || c.id() != current.id()))) {
            careflexIdError.set(Messages.format(locale, "companies.careflexId.taken", trimmed));
        } else {
            careflexIdError.set("");
        }
        boolean warn = careflexIdError.get().isEmpty() && !HEX16.matcher(trimmed).matches();
        careflexIdWarning.set(warn ? Messages.format(locale, "companies.careflexId.format", trimmed) : "");
        nameError.set(name.get() == null || name.get().isBlank()
                ? Messages.format(locale, "companies.name.missing") : "");
    }
}
