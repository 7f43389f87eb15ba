package de.meldedesk.importing;

import de.meldedesk.domain.validation.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems and changes of one row while its cells are read. */
final class RowContext {

    final List<Problem> problems = new ArrayList<>();
    final List<FieldChange> changes = new ArrayList<>();
    /** Wire paths of fields that could not be read; validation findings on them would only repeat the error. */
    final Set<String> failedFields = new HashSet<>();

    void error(ImportField field, String key, Object... args) {
        problems.add(Problem.error(field.path(), key, args));
        failedFields.add(field.path());
    }

    void warning(ImportField field, String key, Object... args) {
        problems.add(Problem.warning(field.path(), key, args));
    }

    void change(ImportField field, String before, String after, String reasonKey) {
        changes.add(new FieldChange(field.path(), before, after, reasonKey));
    }
}
