package de.meldedesk.importing;

/** Origin of the field that a column is mapped to. */
public enum MappingSource {
    /** The header text is a known name of the field. */
    ALIAS,
    /** The header is empty or missing, and the values look like the field's values. */
    CONTENT,
    /** The mapping came from {@link ImportOptions#mapping()}. */
    MANUAL,
    /** The mapping came from a saved {@link ImportProfile} for the same header. */
    PROFILE,
    /** A CareFlex JSON key, which names its field exactly. */
    JSON_KEY,
    /** No field: the column is ignored. */
    NONE
}
