package de.meldedesk.domain;

import java.time.LocalDate;

/** Employment data of an employee; {@code management} is null when not stated. */
public record Job(
        String employmentSite,
        String employmentStatus,
        LocalDate startOfEmployment,
        String personnelNumber,
        Boolean management) {

    public static final Job EMPTY = new Job(null, null, null, null, null);

    public boolean isEmpty() {
        return Text.allBlank(employmentSite, employmentStatus, personnelNumber)
                && startOfEmployment == null
                && management == null;
    }
}
