package de.meldedesk.service;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Incident;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Source;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.persistence.AuditLog;
import de.meldedesk.persistence.EmployeeRepository;
import de.meldedesk.persistence.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the rows of an imported file as drafts, and creates or updates the
 * employees found in it. Rows without errors become ready; rows with errors
 * are left out unless the clerk asks for all rows, and then stay drafts.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final String AUDIT_ACTION = "file.imported";

    private final Store store;

    public ImportService(Store store) {
        this.store = store;
    }

    /** A row that was not stored, with the reason as a bundle key. */
    public record LeftOut(ImportedRow row, String reasonKey, Object argument) {
    }

    /** An earlier draft or sent incident with the same employee, type and validFrom. */
    public record Duplicate(ImportedRow row, StoredIncident earlier) {
    }

    /** The result of an import: the drafts stored and the rows left out. */
    public record Outcome(List<Long> draftIds, int ready, List<LeftOut> leftOut, List<Duplicate> duplicates,
                          int employeesCreated, int employeesChanged) {
    }

    /** Returns the times a file with the same content was imported before, newest first. */
    public List<String> earlierImportsOf(ImportedFile file) {
        if (file.contentHash() == null) {
            return List.of();
        }
        return store.audit().list(AuditLog.Filter.ALL.object("file", file.contentHash())).stream()
                .map(entry -> entry.loggedAt() + " " + entry.details())
                .toList();
    }

    /**
     * Returns, per row, an earlier incident of the same company, employee, type
     * and validFrom. Looks the employees up in batches, because a monthly file
     * has thousands of rows.
     */
    public List<Duplicate> findDuplicates(ImportedFile file, String defaultCareflexId) {
        Map<String, Optional<Company>> companies = new HashMap<>();
        Map<Long, List<ImportedRow>> rowsByCompany = new LinkedHashMap<>();
        for (ImportedRow row : file.rows()) {
            Optional<Company> company = companyOf(row, defaultCareflexId, companies);
            if (company.isEmpty() || row.incident().employeeId() == null || row.incident().type() == null
                    || row.incident().validFrom() == null) {
                continue;
            }
            rowsByCompany.computeIfAbsent(company.get().id(), k -> new ArrayList<>()).add(row);
        }
        List<Duplicate> duplicates = new ArrayList<>();
        for (Map.Entry<Long, List<ImportedRow>> entry : rowsByCompany.entrySet()) {
            Set<String> employeeIds = new HashSet<>();
            entry.getValue().forEach(row -> employeeIds.add(row.incident().employeeId()));
            Map<String, StoredIncident> earliest = new HashMap<>();
            for (StoredIncident stored : store.incidents().findByEmployeeIds(entry.getKey(), employeeIds)) {
                earliest.putIfAbsent(key(stored.incident()), stored);
            }
            for (ImportedRow row : entry.getValue()) {
                StoredIncident earlier = earliest.get(key(row.incident()));
                if (earlier != null) {
                    duplicates.add(new Duplicate(row, earlier));
                }
            }
        }
        return duplicates;
    }

    private static String key(Incident incident) {
        return incident.employeeId() + "|" + incident.type() + "|" + incident.validFrom();
    }

    /**
     * Stores the rows as drafts, kept only once all of them and the employees
     * are stored, so a crash leaves the whole import or none of it.
     *
     * @param includeRowsWithErrors also store rows with errors, as drafts that are not ready
     * @param skipDuplicates leave out rows that {@link #findDuplicates} reports
     */
    public Outcome store(ImportedFile file, String defaultCareflexId, boolean includeRowsWithErrors,
                         boolean skipDuplicates) {
        List<LeftOut> leftOut = new ArrayList<>();
        List<Duplicate> duplicates = findDuplicates(file, defaultCareflexId);
        Map<Integer, Duplicate> duplicateRows = new HashMap<>();
        duplicates.forEach(d -> duplicateRows.put(d.row().rowNumber(), d));

        List<Draft> drafts = new ArrayList<>();
        List<ImportedRow> storedRows = new ArrayList<>();
        Map<String, Optional<Company>> companies = new HashMap<>();
        int ready = 0;
        for (ImportedRow row : file.rows()) {
            Optional<Company> company = companyOf(row, defaultCareflexId, companies);
            if (company.isEmpty()) {
                String careflexId = Text.clean(row.careflexId()) != null ? row.careflexId() : defaultCareflexId;
                leftOut.add(new LeftOut(row, careflexId == null ? "import.store.noCompany" : "import.store.unknownCompany",
                        careflexId));
                continue;
            }
            if (row.hasErrors() && !includeRowsWithErrors) {
                leftOut.add(new LeftOut(row, "import.store.hasErrors", row.errors().size()));
                continue;
            }
            if (skipDuplicates && (duplicateRows.containsKey(row.rowNumber()) || row.duplicateOf() != null)) {
                leftOut.add(new LeftOut(row, "import.store.duplicate", row.duplicateOf()));
                continue;
            }
            IncidentStatus status = row.hasErrors() ? IncidentStatus.DRAFT : IncidentStatus.READY;
            if (status == IncidentStatus.READY) {
                ready++;
            }
            List<Problem> problems = row.problems();
            drafts.add(new Draft(company.get().id(), row.incident(), status, problems,
                    new Source(file.sourceName(), row.sheet(), row.rowNumber(), file.contentHash()), Map.of(), null));
            storedRows.add(row);
        }
        List<Long> ids = List.of();
        int[] employees = {0, 0};
        if (!drafts.isEmpty()) {
            // The drafts count only once the batch is complete: a crash before that removes them at the next start.
            long batch = store.incidents().beginImport(file.sourceName());
            try {
                ids = store.incidents().insertImportedDrafts(drafts, batch);
                employees = mergeEmployees(file, storedRows, drafts);
                store.incidents().completeImport(batch);
            } catch (RuntimeException e) {
                discardQuietly(batch, e);
                throw e;
            }
        }
        if (file.contentHash() != null) {
            store.audit().append(AUDIT_ACTION, "file", file.contentHash(),
                    file.sourceName() + ": " + ids.size() + " drafts stored, " + leftOut.size() + " rows left out");
        }
        LOG.info("Imported {}: {} drafts ({} ready), {} rows left out, {} employees created, {} changed",
                file.sourceName(), ids.size(), ready, leftOut.size(), employees[0], employees[1]);
        return new Outcome(ids, ready, leftOut, duplicates, employees[0], employees[1]);
    }

    private void discardQuietly(long batch, RuntimeException cause) {
        try {
            store.incidents().discardImport(batch);
        } catch (RuntimeException e) {
            // The next start removes the batch's drafts.
            cause.addSuppressed(e);
        }
    }

    /** Creates or updates the employees of the stored rows; returns how many were created and changed. */
    private int[] mergeEmployees(ImportedFile file, List<ImportedRow> storedRows, List<Draft> drafts) {
        // Grouped per company, so the repository can write a few hundred in each transaction.
        Map<Long, List<EmployeeRepository.Merge>> merges = new LinkedHashMap<>();
        for (int i = 0; i < storedRows.size(); i++) {
            ImportedRow row = storedRows.get(i);
            String employeeId = row.incident().employeeId();
            if (employeeId == null || row.incident().employee().isEmpty()) {
                continue;
            }
            merges.computeIfAbsent(drafts.get(i).companyId(), k -> new ArrayList<>()).add(new EmployeeRepository.Merge(
                    employeeId, row.incident().employee(), "import " + file.sourceName() + " row " + row.rowNumber()));
        }
        int created = 0;
        int changed = 0;
        for (Map.Entry<Long, List<EmployeeRepository.Merge>> entry : merges.entrySet()) {
            for (EmployeeRepository.UpsertResult result : store.employees().mergeAll(entry.getKey(), entry.getValue())) {
                if (result.created()) {
                    created++;
                } else if (!result.changedFields().isEmpty()) {
                    changed++;
                }
            }
        }
        return new int[] {created, changed};
    }

    /** Looks the row's company up once per CareFlex ID, caching the result in {@code cache}. */
    private Optional<Company> companyOf(ImportedRow row, String defaultCareflexId,
                                        Map<String, Optional<Company>> cache) {
        String careflexId = Text.clean(row.careflexId());
        if (careflexId == null) {
            careflexId = Text.clean(defaultCareflexId);
        }
        if (careflexId == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(careflexId, id -> store.companies().findByCareflexId(id));
    }
}
