package de.meldedesk.ui.common;

import de.meldedesk.domain.DateText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Popup;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * A date input for German dates ({@code dd.MM.yyyy}) with a calendar. Unlike
 * JavaFX's DatePicker it never clamps (31.02. stays as typed and is reported
 * as invalid by the form) and never throws on garbled text. When the field
 * loses focus, a date with a two-digit year is shown with its completed year.
 * Alt+Down opens the calendar.
 */
public class DateField extends HBox {

    private final TextField editor = new TextField();
    private final Button calendarButton = new Button();
    private final DateText.Kind kind;
    private final Locale locale;
    private Supplier<LocalDate> today = LocalDate::now;
    private Popup popup;
    private YearMonth shownMonth;

    public DateField(DateText.Kind kind, Locale locale) {
        this.kind = kind;
        this.locale = locale;
        editor.setPromptText(promptFor(locale));
        editor.setPrefColumnCount(10);
        HBox.setHgrow(editor, Priority.ALWAYS);
        calendarButton.setGraphic(new FontIcon(Material2OutlinedAL.CALENDAR_TODAY));
        calendarButton.setFocusTraversable(false);
        calendarButton.getStyleClass().add("date-field-button");
        calendarButton.setOnAction(e -> showCalendar());
        getStyleClass().add("date-field");
        setSpacing(2);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(editor, calendarButton);

        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                completeYear();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                showCalendar();
                e.consume();
            }
        });
    }

    private static String promptFor(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "DD.MM.YYYY" : "TT.MM.JJJJ";
    }

    /** The text as typed; the form reads and validates it. */
    public StringProperty textProperty() {
        return editor.textProperty();
    }

    public TextField editor() {
        return editor;
    }

    public void setToday(Supplier<LocalDate> today) {
        this.today = today;
    }

    /** Replaces a two-digit year by the completed one, so the clerk sees which century was chosen. */
    void completeYear() {
        String text = editor.getText();
        DateText.Result result = DateText.parse(text, kind, today.get());
        if (result.ok() && result.yearCompleted()) {
            editor.setText(DateText.german(result.date()));
        }
    }

    private void showCalendar() {
        DateText.Result current = DateText.parse(editor.getText(), kind, today.get());
        shownMonth = YearMonth.from(current.ok() ? current.date() : today.get());
        if (popup == null) {
            popup = new Popup();
            popup.setAutoHide(true);
        }
        popup.getContent().setAll(buildCalendar());
        var bounds = editor.localToScreen(editor.getBoundsInLocal());
        if (bounds != null) {
            popup.show(editor, bounds.getMinX(), bounds.getMaxY());
        }
    }

    private BorderPane buildCalendar() {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("date-field-calendar");
        // A popup has its own scene without the window's stylesheet, so it gets its look here.
        pane.setStyle("-fx-background-color: white; -fx-border-color: #d0d7de; -fx-padding: 8;");
        Button previous = new Button(null, new FontIcon(Material2OutlinedAL.CHEVRON_LEFT));
        Button next = new Button(null, new FontIcon(Material2OutlinedMZ.NAVIGATE_NEXT));
        Label title = new Label(shownMonth.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale)
                + " " + shownMonth.getYear());
        previous.setOnAction(e -> {
            shownMonth = shownMonth.minusMonths(1);
            popup.getContent().setAll(buildCalendar());
        });
        next.setOnAction(e -> {
            shownMonth = shownMonth.plusMonths(1);
            popup.getContent().setAll(buildCalendar());
        });
        HBox header = new HBox(8, previous, title, next);
        header.setAlignment(Pos.CENTER);
        pane.setTop(header);

        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        for (int i = 0; i < 7; i++) {
            DayOfWeek day = DayOfWeek.MONDAY.plus(i);
            grid.add(new Label(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale)), i, 0);
        }
        LocalDate first = shownMonth.atDay(1);
        int offset = first.getDayOfWeek().getValue() - 1;
        for (int d = 1; d <= shownMonth.lengthOfMonth(); d++) {
            LocalDate date = shownMonth.atDay(d);
            Button button = new Button(Integer.toString(d));
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("flat");
            button.setOnAction(e -> {
                editor.setText(DateText.german(date));
                popup.hide();
                editor.requestFocus();
            });
            int cell = offset + d - 1;
            grid.add(button, cell % 7, 1 + cell / 7);
        }
        pane.setCenter(grid);
        return pane;
    }
}
