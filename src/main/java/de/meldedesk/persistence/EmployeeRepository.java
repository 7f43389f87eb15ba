package de.meldedesk.persistence;

import de.meldedesk.domain.Employee;
import de.meldedesk.domain.EmployeeChange;
import de.meldedesk.domain.StoredEmployee;
import java.util.List;
import java.util.Optional;

/** Master data per company and employee ID, with the history of each change. */
public interface EmployeeRepository {

    /** Result of an upsert: the row id, whether the employee is new, and the wire paths of the fields that changed. */
    record UpsertResult(long id, boolean created, List<String> changedFields) {

        public UpsertResult {
            changedFields = List.copyOf(changedFields);
        }
    }

    /**
     * Stores the master data exactly as given: a field that is null in
     * {@code employee} becomes empty. {@code source} names where the data came
     * from, e.g. a file name.
     */
    UpsertResult upsert(long companyId, String employeeId, Employee employee, String source);

    /**
     * Stores only the fields that are set in {@code employee}; the others keep
     * their stored values. This suits imports that carry part of the master data.
     */
    UpsertResult merge(long companyId, String employeeId, Employee employee, String source);

    /** One employee for {@link #mergeAll}. */
    record Merge(String employeeId, Employee employee, String source) {
    }

    /** Merges many employees of one company, as {@link #merge} does for one, a few hundred per transaction. */
    List<UpsertResult> mergeAll(long companyId, List<Merge> merges);

    Optional<StoredEmployee> find(long companyId, String employeeId);

    /**
     * Finds employees whose last or first name starts with {@code text} (case
     * ignored), or whose employee ID or personnel number equals or starts with
     * it. {@code companyId} null searches all companies.
     */
    List<StoredEmployee> search(Long companyId, String text, int limit);

    /** Lists the changes of one employee, oldest first. */
    List<EmployeeChange> changes(long companyId, String employeeId);
}
