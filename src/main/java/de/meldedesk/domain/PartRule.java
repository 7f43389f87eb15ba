package de.meldedesk.domain;

/** What an incident type expects of one master-data part. */
public enum PartRule {
    REQUIRED,
    OPTIONAL,
    /** The type carries no such data; data sent anyway gets a warning. */
    NOT_USED
}
