package de.meldedesk.persistence;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A child process of {@link CrashSafetyTest}: opens the store in the folder
 * of the first argument, inserts the number of drafts of the second argument
 * one transaction each, so the file grows by a chunk per draft, and closes
 * the store, which compacts the file. Prints {@code <id> ok} per committed
 * draft, {@code CLOSING} before the close and {@code CLOSED} after it.
 */
public final class CompactCrashChild {

    private CompactCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Store store = Store.open(TestStores.paths(Path.of(args[0])));
        long company = store.companies().findByCareflexId("compact")
                .orElseGet(() -> store.companies().create("compact", "Kompakt GmbH", false, null)).id();
        out.println("READY");
        int drafts = Integer.parseInt(args[1]);
        for (int i = 0; i < drafts; i++) {
            long id = store.incidents().insertDraft(TestStores.draft(company, String.format("%011d", i),
                    LocalDate.of(2026, 1, 1)));
            out.print(id + " ok\n");
        }
        out.println("CLOSING");
        store.close();
        out.println("CLOSED");
    }
}
