package de.meldedesk.ui.importwizard;

import de.meldedesk.domain.validation.Problem;
import de.meldedesk.importing.ColumnMapping;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A cell of the preview grid: the source text of one column, marked when the
 * field of the column has a problem, with the problem as tooltip. An edit is
 * handed on with Enter and also when the cell loses focus (a click elsewhere,
 * Tab), because JavaFX 21 cancels an edit in that case by default; only Esc
 * discards it.
 */
final class PreviewCell extends TableCell<PreviewRow, String> {

    static final String ERROR_CLASS = "import-cell-error";
    static final String WARNING_CLASS = "import-cell-warning";

    private final ColumnMapping column;
    private final Locale locale;
    private final BiConsumer<PreviewRow, String> onEdit;
    private TextField editor;
    private boolean discard;

    PreviewCell(ColumnMapping column, Locale locale, BiConsumer<PreviewRow, String> onEdit) {
        this.column = column;
        this.locale = locale;
        this.onEdit = onEdit;
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        discard = false;
        editor = new TextField(getItem());
        editor.setAccessibleText(column.header());
        editor.setOnAction(e -> commitEdit(editor.getText()));
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                discard = true;
                cancelEdit();
                e.consume();
            }
        });
        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && isEditing()) {
                commitEdit(editor.getText());
            }
        });
        setText(null);
        setGraphic(editor);
        editor.selectAll();
        editor.requestFocus();
    }

    /** Leaves editing and hands the text on; the grid shows the re-read row once it arrives. */
    @Override
    public void commitEdit(String text) {
        PreviewRow row = getTableRow() == null ? null : getTableRow().getItem();
        discard = true;
        super.cancelEdit();
        showItem();
        if (row != null) {
            onEdit.accept(row, text);
        }
    }

    /** Treats a cancel caused by lost focus as a commit, unless Esc asked for it. */
    @Override
    public void cancelEdit() {
        if (!discard && editor != null && isEditing()) {
            commitEdit(editor.getText());
            return;
        }
        super.cancelEdit();
        showItem();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (isEditing()) {
            return;
        }
        showItem();
    }

    private void showItem() {
        editor = null;
        setGraphic(null);
        getStyleClass().removeAll(ERROR_CLASS, WARNING_CLASS);
        PreviewRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (isEmpty() || row == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(getItem());
        List<Problem> problems = row.problemsOf(column);
        if (problems.isEmpty()) {
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        getStyleClass().add(problems.stream().anyMatch(Problem::isError) ? ERROR_CLASS : WARNING_CLASS);
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(row.file().describe(row.row(), problem, locale));
        }
        Tooltip tooltip = new Tooltip(text.toString());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        setTooltip(tooltip);
        setAccessibleText(getItem() + ". " + text);
    }
}
