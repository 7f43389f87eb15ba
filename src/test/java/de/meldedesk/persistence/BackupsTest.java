package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.StoredIncident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dataDir;

    private Store openAt(Instant instant) throws StoreOpenException {
        return Store.open(TestStores.paths(dataDir), Clock.fixed(instant, ZoneOffset.UTC), null);
    }

    @Test
    void oneBackupPerDay() throws Exception {
        openAt(MONDAY).close();
        openAt(MONDAY.plusSeconds(3600)).close();
        openAt(MONDAY.plusSeconds(86_400)).close();

        assertThat(Backups.list(TestStores.paths(dataDir))).extracting(file -> file.getFileName().toString())
                .containsExactly("meldedesk-2026-03-03-080000.zip", "meldedesk-2026-03-02-080000.zip");
    }

    @Test
    void keepsNewestTen() throws Exception {
        for (int day = 0; day < Backups.KEEP + 2; day++) {
            openAt(MONDAY.plusSeconds(86_400L * day)).close();
        }

        StorePaths paths = TestStores.paths(dataDir);
        assertThat(Backups.list(paths)).hasSize(Backups.KEEP);
        assertThat(Backups.newest(paths).orElseThrow().getFileName().toString())
                .isEqualTo("meldedesk-2026-03-13-080000.zip");
    }

    @Test
    void restoreBringsBackOlderState() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        long kept;
        long later;
        try (Store store = openAt(MONDAY)) {
            long company = store.companies().create("a1", "Alpha", false, null).id();
            kept = store.incidents().insertDraft(TestStores.draft(company, "1", LocalDate.of(2026, 3, 1)));
        }
        try (Store store = openAt(MONDAY.plusSeconds(86_400))) {
            long company = store.companies().findByCareflexId("a1").orElseThrow().id();
            later = store.incidents().insertDraft(TestStores.draft(company, "2", LocalDate.of(2026, 3, 1)));
        }
        // Written when Tuesday's session opened: it contains the first draft, not the second.
        Path tuesdayBackup = Backups.list(paths).get(0);

        Path aside = Backups.restore(paths, tuesdayBackup);

        assertThat(aside.resolve("meldedesk.mv.db")).exists();
        try (Store store = openAt(MONDAY.plusSeconds(2 * 86_400))) {
            assertThat(store.incidents().findById(kept)).map(StoredIncident::id).hasValue(kept);
            assertThat(store.incidents().findById(later)).isEmpty();
        }
    }

    @Test
    void restoreRepairsDamagedDatabase() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        openAt(MONDAY).close();
        Files.write(paths.databaseFile(), new byte[8192]);
        StoreDamagedException damaged = null;
        try {
            openAt(MONDAY).close();
        } catch (StoreDamagedException e) {
            damaged = e;
        }
        assertThat(damaged).isNotNull();

        Backups.restore(paths, damaged.newestBackup());

        try (Store store = openAt(MONDAY)) {
            assertThat(store.profiles().find(SavedProfile.SANDBOX)).isPresent();
        }
    }

    @Test
    void restoreWhileOpenRefused() throws Exception {
        try (Store store = openAt(MONDAY)) {
            Path backup = Backups.newest(store.paths()).orElseThrow();

            assertThatThrownBy(() -> Backups.restore(store.paths(), backup))
                    .isInstanceOf(AlreadyRunningException.class);
        }
    }

    @Test
    void restoreOfForeignZipRefused() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        openAt(MONDAY).close();
        Path foreign = dataDir.resolve("holiday-photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new ZipEntry("../../evil.mv.db.txt"));
            zip.write(new byte[] {1, 2, 3});
        }

        assertThatThrownBy(() -> Backups.restore(paths, foreign)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Meldedesk backup");
        assertThat(paths.databaseFile()).exists();
    }

    @Test
    void backupZipHoldsDatabaseFile() throws Exception {
        openAt(MONDAY).close();
        Path backup = Backups.newest(TestStores.paths(dataDir)).orElseThrow();

        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).contains("meldedesk.mv.db");
        }
    }
}
