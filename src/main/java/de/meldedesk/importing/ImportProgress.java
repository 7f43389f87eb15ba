package de.meldedesk.importing;

/**
 * Progress of a running import, and the way to stop it. The engine calls
 * {@link #rowsDone} from the importing thread; a UI hands the numbers to its
 * own thread.
 */
public interface ImportProgress {

    /** A progress that reports nowhere and is never cancelled. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void rowsDone(int done, int total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports that {@code done} of {@code total} source rows are read; total is -1 while unknown. */
    void rowsDone(int done, int total);

    /** Returns true once the import should stop; the engine then throws {@link ImportCancelledException}. */
    boolean isCancelled();
}
