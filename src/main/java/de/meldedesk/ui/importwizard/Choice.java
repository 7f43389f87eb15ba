package de.meldedesk.ui.importwizard;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.Property;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * An entry of a choice box: a value, where null means "detect" or "do not
 * take over", and its text. ComboBox handles a null item badly, so every
 * entry is a non-null record.
 */
record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }

    /** Selects the entry with the given value, or the first entry when none has it. */
    static <T> void select(ComboBox<Choice<T>> box, T value) {
        for (Choice<T> choice : box.getItems()) {
            if (Objects.equals(choice.value(), value)) {
                box.setValue(choice);
                return;
            }
        }
        box.setValue(box.getItems().isEmpty() ? null : box.getItems().get(0));
    }

    /** Fills a combo box and keeps it and the property in step in both directions. */
    static <T> void bind(ComboBox<Choice<T>> box, List<Choice<T>> choices, Property<T> property) {
        box.getItems().setAll(choices);
        box.setButtonCell(new TextCell<>());
        box.setCellFactory(list -> new TextCell<>());
        select(box, property.getValue());
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(now.value(), property.getValue())) {
                property.setValue(now.value());
            }
        });
        property.addListener((obs, old, now) -> {
            if (box.getValue() == null || !Objects.equals(box.getValue().value(), now)) {
                select(box, now);
            }
        });
    }

    /** A list cell that shows the entry's label. */
    static final class TextCell<T> extends ListCell<Choice<T>> {
        @Override
        protected void updateItem(Choice<T> item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
