package de.meldedesk.importing;

import de.meldedesk.domain.Incident;
import de.meldedesk.domain.validation.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an imported file.
 *
 * @param rowNumber   the row number a spreadsheet shows (the header is row 1 when it is the first
 *                    line); for CareFlex JSON the position in {@code incidentList} plus one
 * @param sheet       the workbook sheet, or null for other formats
 * @param cells       the source texts by column header as the spreadsheet shows them; for JSON by key path
 * @param careflexId  the company, from a column or {@link ImportOptions#careflexId()}; may be null
 * @param incident    the incident exactly as it would be sent; a field that could not be read is null
 *                    and has an error in {@code problems}
 * @param problems    reading problems and the findings of the incident validation, with wire paths
 * @param changes     every automatic change of a value, with the value before and after
 * @param duplicateOf the row number of an identical earlier row of the same file, or null
 */
public record ImportedRow(
        int rowNumber,
        String sheet,
        Map<String, String> cells,
        String careflexId,
        Incident incident,
        List<Problem> problems,
        List<FieldChange> changes,
        Integer duplicateOf) {

    public ImportedRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public DuplicateKey duplicateKey() {
        return DuplicateKey.of(incident);
    }

    ImportedRow withDuplicate(int earlierRow, Problem problem) {
        List<Problem> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return new ImportedRow(rowNumber, sheet, cells, careflexId, incident, more, changes, earlierRow);
    }
}
