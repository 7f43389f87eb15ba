package de.meldedesk.persistence;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.Draft;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.Incident;
import java.nio.file.Path;
import java.time.LocalDate;

/** Helpers for tests that open a real store in a temporary folder. */
final class TestStores {

    private TestStores() {
    }

    static StorePaths paths(Path dataDir) {
        return new AppPaths(dataDir).storePaths();
    }

    static Store open(Path dataDir) throws StoreOpenException {
        return Store.open(paths(dataDir));
    }

    /** Returns a WIK incident for the employee, valid from the given day. */
    static Incident wik(String employeeId, LocalDate validFrom) {
        return new Incident(null, "WIK", employeeId, validFrom, validFrom, Employee.EMPTY);
    }

    static Draft draft(long companyId, String employeeId, LocalDate validFrom) {
        return Draft.of(companyId, wik(employeeId, validFrom));
    }
}
