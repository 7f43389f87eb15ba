package de.meldedesk.ui.importwizard;

import de.meldedesk.domain.validation.Problem;
import de.meldedesk.importing.ColumnMapping;
import de.meldedesk.importing.FieldChange;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.service.ImportService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the preview grid: the imported row, the file it belongs to (for
 * its column mapping) and an earlier incident in the store with the same key.
 *
 * @param file      the file the row was read from; its mapping links problems to columns
 * @param row       the row as the engine read it
 * @param earlier   an earlier draft or sent incident of the same company, employee, type and
 *                  validFrom, or null
 */
public record PreviewRow(ImportedFile file, ImportedRow row, ImportService.Duplicate earlier) {

    public int rowNumber() {
        return row.rowNumber();
    }

    /** Returns the source text of a column, as the grid shows and edits it. */
    public String cell(String header) {
        String value = row.cells().get(header);
        return value == null ? "" : value;
    }

    public boolean hasErrors() {
        return row.hasErrors();
    }

    /** Returns whether the row has errors, warnings, or is a duplicate inside the file or of the store. */
    public boolean hasProblems() {
        return !row.problems().isEmpty() || earlier != null;
    }

    public boolean isDuplicate() {
        return row.duplicateOf() != null || earlier != null;
    }

    /** Returns the problems of the field that the column fills. */
    public List<Problem> problemsOf(ColumnMapping column) {
        if (column.field() == null) {
            return List.of();
        }
        String path = column.field().path();
        return row.problems().stream().filter(problem -> path.equals(problem.field())).toList();
    }

    /** Returns the problems that no column of the file shows: row problems and those of unmapped fields. */
    public List<Problem> rowProblems() {
        List<Problem> result = new ArrayList<>();
        for (Problem problem : row.problems()) {
            Optional<ColumnMapping> column = problem.field() == null ? Optional.empty() : file.columnFor(problem.field());
            if (column.isEmpty()) {
                result.add(problem);
            }
        }
        return result;
    }

    /** Formats every problem of the row as a sentence naming row, column or field, and what to enter. */
    public List<String> problemTexts(Locale locale) {
        List<String> texts = new ArrayList<>();
        for (Problem problem : row.problems()) {
            texts.add(file.describe(row, problem, locale));
        }
        if (earlier != null) {
            texts.add(UiTexts.format(locale, "importwizard.preview.storeDuplicate", row.rowNumber(),
                    earlier.earlier().id(),
                    UiTexts.format(locale, "importwizard.incidentStatus." + earlier.earlier().status().name())));
        }
        return texts;
    }

    /** Formats the automatic changes of the row as "before → after" sentences. */
    public List<String> changeTexts(Locale locale) {
        List<String> texts = new ArrayList<>();
        for (FieldChange change : row.changes()) {
            String field = UiTexts.fieldLabel(locale, change.field());
            texts.add(UiTexts.format(locale, "importwizard.preview.change", field, change.message(locale)));
        }
        return texts;
    }
}
