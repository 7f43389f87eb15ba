package de.meldedesk.domain.validation;

/** How serious a problem is: an error blocks sending, a warning only informs. */
public enum Severity {
    ERROR,
    WARNING
}
