package de.meldedesk.persistence;

import de.meldedesk.domain.Draft;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link CrashSafetyTest}: opens the store in the folder
 * given as the first argument and inserts drafts until it is killed. It
 * prints {@code READY} once open, then {@code <id> ok} for every draft after its
 * transaction has committed, one per line.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Store store = Store.open(TestStores.paths(Path.of(args[0])));
        long company = store.companies().findByCareflexId("crash")
                .orElseGet(() -> store.companies().create("crash", "Crash GmbH", false, null)).id();
        out.println("READY");
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int round = 0; ; round++) {
            // Alternate single inserts and batches of 20, so kills land inside both.
            int size = round % 2 == 0 ? 1 : 20;
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                drafts.add(TestStores.draft(company, String.format("%011d", round * 100L + i), day));
            }
            for (long id : store.incidents().insertDrafts(drafts)) {
                out.print(id + " ok\n");
            }
        }
    }
}
