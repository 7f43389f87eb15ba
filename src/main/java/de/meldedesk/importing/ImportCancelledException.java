package de.meldedesk.importing;

/** An import that was stopped through {@link ImportProgress#isCancelled()}; no partial result exists. */
public class ImportCancelledException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImportCancelledException(String sourceName, int rowsDone) {
        super("import of " + sourceName + " cancelled after " + rowsDone + " rows");
    }
}
