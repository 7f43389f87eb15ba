package de.meldedesk.ui.incident;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentField;
import de.meldedesk.domain.IncidentText;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.validation.IncidentValidator;
import de.meldedesk.domain.validation.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the incident editor: the text of every field as typed, and the
 * problems found in it. Every change is validated at once, so the view can
 * decorate fields while the clerk types.
 */
public final class IncidentForm {

    private final Map<IncidentField, StringProperty> fields = new EnumMap<>(IncidentField.class);
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final IncidentValidator validator;
    private final Supplier<LocalDate> today;
    private boolean loading;

    public IncidentForm(IncidentTypeCatalogue catalogue, Supplier<LocalDate> today) {
        this.validator = new IncidentValidator(catalogue);
        this.today = today;
        for (IncidentField field : IncidentField.values()) {
            StringProperty property = new SimpleStringProperty(this, field.path(), "");
            property.addListener((obs, old, now) -> {
                if (!loading) {
                    revalidate();
                }
            });
            fields.put(field, property);
        }
        revalidate();
    }

    public StringProperty field(IncidentField field) {
        return fields.get(field);
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    /** Fills the form from a stored incident; text that was invalid when saved is shown as typed. */
    public void load(Incident incident, Map<String, String> invalidInput) {
        loading = true;
        try {
            Map<IncidentField, String> text = IncidentText.toText(incident);
            for (IncidentField field : IncidentField.values()) {
                String typed = invalidInput == null ? null : invalidInput.get(field.path());
                fields.get(field).set(typed != null ? typed : text.getOrDefault(field, ""));
            }
        } finally {
            loading = false;
        }
        revalidate();
    }

    /** Reads the form as it is now; fields that are not valid yet are null in the incident. */
    public IncidentText.Reading read() {
        Map<IncidentField, String> text = new EnumMap<>(IncidentField.class);
        fields.forEach((field, property) -> text.put(field, property.get()));
        return IncidentText.read(text, today.get());
    }

    /** Returns the problems of one field, errors first. */
    public List<Problem> problemsFor(IncidentField field) {
        List<Problem> result = new ArrayList<>();
        for (Problem problem : problems) {
            if (field.path().equals(problem.field())) {
                result.add(problem);
            }
        }
        result.sort((a, b) -> a.severity().compareTo(b.severity()));
        return result;
    }

    /**
     * Validates the current text. A field whose text could not be read gets
     * only its reading problem, not also "required".
     */
    public void revalidate() {
        IncidentText.Reading reading = read();
        List<Problem> found = new ArrayList<>(reading.problems());
        for (Problem problem : validator.validate(reading.incident(), today.get())) {
            if (!reading.invalidInput().containsKey(problem.field())) {
                found.add(problem);
            }
        }
        problems.setAll(found);
        hasErrors.set(found.stream().anyMatch(Problem::isError));
    }
}
