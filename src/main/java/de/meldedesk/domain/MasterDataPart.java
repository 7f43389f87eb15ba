package de.meldedesk.domain;

/** The groups of master data that an incident type can require, allow or leave out. */
public enum MasterDataPart {
    /** First and last name. */
    NAMES,
    /** Title, birthday and sex. */
    PERSONAL,
    ADDRESS,
    JOB,
    CONTACT
}
