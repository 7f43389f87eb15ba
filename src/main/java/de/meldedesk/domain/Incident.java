package de.meldedesk.domain;

import java.time.LocalDate;

/**
 * One HR incident as it is sent in {@code incidentList}. The {@code employee}
 * is never null; {@link Employee#EMPTY} means no master data goes with it.
 */
public record Incident(
        String externalId,
        String type,
        String employeeId,
        LocalDate createdAt,
        LocalDate validFrom,
        Employee employee) {

    public Incident {
        employee = employee == null ? Employee.EMPTY : employee;
    }

    public Incident withEmployee(Employee newEmployee) {
        return new Incident(externalId, type, employeeId, createdAt, validFrom, newEmployee);
    }

    public Incident withExternalId(String newExternalId) {
        return new Incident(newExternalId, type, employeeId, createdAt, validFrom, employee);
    }
}
