package de.meldedesk.reliability;

import de.meldedesk.app.AppPaths;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.persistence.Store;
import de.meldedesk.service.ImportService;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Child of {@link CrashTest}: opens the store in the folder of the first
 * argument and imports the CSV file of the second argument into it again and
 * again, headless, until it is killed. Prints {@code READY} once the store is
 * open, then {@code COMMITTED <count> <first id> <last id>} after each import
 * has returned, which is after its transaction committed.
 */
public final class ImportCrashChild {

    static final String CAREFLEX_ID = "2000001";

    private ImportCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Store store = Store.open(new AppPaths(Path.of(args[0])).storePaths())) {
            if (store.companies().findByCareflexId(CAREFLEX_ID).isEmpty()) {
                store.companies().create(CAREFLEX_ID, "Crash Chemie GmbH", true, null);
            }
            ImportEngine engine = new ImportEngine();
            ImportService imports = new ImportService(store);
            ImportOptions options = ImportOptions.defaults().withToday(LocalDate.of(2026, 3, 2))
                    .withCareflexId(CAREFLEX_ID);
            out.println("READY");
            while (true) {
                ImportedFile file = engine.read(Path.of(args[1]), options);
                ImportService.Outcome outcome = imports.store(file, CAREFLEX_ID, true, false);
                List<Long> ids = outcome.draftIds();
                out.print("COMMITTED " + ids.size() + " " + ids.get(0) + " " + ids.get(ids.size() - 1) + "\n");
            }
        }
    }
}
