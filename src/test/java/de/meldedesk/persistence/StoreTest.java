package de.meldedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.i18n.Messages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dataDir;

    @Test
    void openCreatesDatabaseAndBackup() throws Exception {
        try (Store store = TestStores.open(dataDir)) {
            assertThat(store.paths().databaseFile()).exists();
            assertThat(Backups.list(store.paths())).hasSize(1);
            assertThat(store.profiles().find(SavedProfile.SANDBOX)).isPresent();
        }
    }

    @Test
    void secondOpenIsAlreadyRunning() throws Exception {
        try (Store first = TestStores.open(dataDir)) {
            assertThatThrownBy(() -> TestStores.open(dataDir)).isInstanceOf(AlreadyRunningException.class);
            assertThat(first.companies().list(true)).isEmpty();
        }
    }

    @Test
    void alreadyRunningMessageInBothLanguages() throws Exception {
        try (Store first = TestStores.open(dataDir)) {
            AlreadyRunningException e = catchAlreadyRunning();
            assertThat(e.userMessage(Messages.GERMAN)).startsWith("Meldedesk ist bereits geöffnet");
            assertThat(e.userMessage(Messages.ENGLISH)).startsWith("Meldedesk is already open");
            assertThat(e.userMessage(Messages.ENGLISH)).contains(first.paths().dataDir().toString());
        }
    }

    private AlreadyRunningException catchAlreadyRunning() {
        try {
            TestStores.open(dataDir).close();
        } catch (AlreadyRunningException e) {
            return e;
        } catch (StoreOpenException e) {
            throw new AssertionError("wrong exception", e);
        }
        throw new AssertionError("second open succeeded");
    }

    @Test
    void handshakeFiresFocusCallback() throws Exception {
        CountDownLatch focusRequested = new CountDownLatch(1);
        try (Store store = TestStores.open(dataDir)) {
            store.onFocusRequested(focusRequested::countDown);

            boolean confirmed = InstanceHandshake.requestFocus(dataDir);

            assertThat(confirmed).isTrue();
            assertThat(focusRequested.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void handshakeWithoutInstanceFails() {
        assertThat(InstanceHandshake.requestFocus(dataDir)).isFalse();
    }

    @Test
    void handshakeWithWrongNonceIsIgnored() throws Exception {
        CountDownLatch focusRequested = new CountDownLatch(1);
        try (Store store = TestStores.open(dataDir)) {
            store.onFocusRequested(focusRequested::countDown);
            Path portFile = store.paths().portFile();
            String port = Files.readAllLines(portFile).get(0);
            Files.writeString(portFile, port + "\nwrong\n");

            assertThat(InstanceHandshake.requestFocus(dataDir)).isFalse();
            assertThat(focusRequested.getCount()).isEqualTo(1);
        }
    }

    @Test
    void closeReleasesDataFolder() throws Exception {
        TestStores.open(dataDir).close();
        try (Store again = TestStores.open(dataDir)) {
            assertThat(again.profiles().list()).isNotEmpty();
        }
        assertThat(TestStores.paths(dataDir).portFile()).doesNotExist();
    }

    @Test
    void interruptedSendBecomesUnknown() throws Exception {
        long id;
        try (Store store = TestStores.open(dataDir)) {
            long company = store.companies().create("09ce3580d84bf087", "Muster GmbH", true, null).id();
            id = store.incidents().insertDraft(TestStores.draft(company, "49239697103", LocalDate.of(2026, 1, 1)));
            long submission = store.submissions().create(company, "Sandbox", "{\"apiToken\":\"********\"}", 1);
            store.incidents().markSending(List.of(id), submission);
        }
        try (Store store = TestStores.open(dataDir)) {
            assertThat(store.interruptedAtStart()).isEqualTo(1);
            assertThat(store.incidents().findById(id).orElseThrow().status()).isEqualTo(IncidentStatus.UNKNOWN);
        }
    }

    @Test
    void importCutOffIsRemovedAtNextStart() throws Exception {
        long completedDraft;
        List<Long> cutOff;
        try (Store store = TestStores.open(dataDir)) {
            long company = store.companies().create("09ce3580d84bf087", "Muster GmbH", true, null).id();
            long done = store.incidents().beginImport("januar.csv");
            completedDraft = store.incidents().insertImportedDrafts(
                    List.of(TestStores.draft(company, "49239697103", LocalDate.of(2026, 1, 1))), done).get(0);
            store.incidents().completeImport(done);
            long open = store.incidents().beginImport("februar.csv");
            cutOff = store.incidents().insertImportedDrafts(List.of(
                    TestStores.draft(company, "49239697104", LocalDate.of(2026, 2, 1)),
                    TestStores.draft(company, "49239697105", LocalDate.of(2026, 2, 1))), open);
            // Closing here takes the place of a crash between storing the drafts and completing the batch.
        }
        try (Store store = TestStores.open(dataDir)) {
            assertThat(store.discardedAtStart()).isEqualTo(2);
            assertThat(store.incidents().findById(completedDraft)).isPresent();
            for (long id : cutOff) {
                assertThat(store.incidents().findById(id)).as("draft %d of the cut-off import", id).isEmpty();
            }
            assertThat(store.audit().list(AuditLog.Filter.ALL)).extracting(de.meldedesk.domain.AuditEntry::action)
                    .contains("file.importDiscarded");
        }
        try (Store store = TestStores.open(dataDir)) {
            assertThat(store.discardedAtStart()).isZero();
        }
    }

    @Test
    void sentDraftOfCutOffImportStays() throws Exception {
        long sent;
        long draft;
        try (Store store = TestStores.open(dataDir)) {
            long company = store.companies().create("09ce3580d84bf087", "Muster GmbH", true, null).id();
            long open = store.incidents().beginImport("februar.csv");
            List<Long> ids = store.incidents().insertImportedDrafts(List.of(
                    TestStores.draft(company, "49239697104", LocalDate.of(2026, 2, 1)),
                    TestStores.draft(company, "49239697105", LocalDate.of(2026, 2, 1))), open);
            sent = ids.get(0);
            draft = ids.get(1);
            long submission = store.submissions().create(company, "Sandbox", "{}", 1);
            store.incidents().markSending(List.of(sent), submission);
        }
        try (Store store = TestStores.open(dataDir)) {
            assertThat(store.discardedAtStart()).isEqualTo(1);
            assertThat(store.incidents().findById(draft)).isEmpty();
            assertThat(store.incidents().findById(sent).orElseThrow().status()).isEqualTo(IncidentStatus.UNKNOWN);
        }
    }

    @Test
    void discardingOneImportLeavesTheOthers() throws Exception {
        try (Store store = TestStores.open(dataDir)) {
            long company = store.companies().create("09ce3580d84bf087", "Muster GmbH", true, null).id();
            long first = store.incidents().beginImport("a.csv");
            long second = store.incidents().beginImport("b.csv");
            long a = store.incidents().insertImportedDrafts(
                    List.of(TestStores.draft(company, "49239697103", LocalDate.of(2026, 1, 1))), first).get(0);
            long b = store.incidents().insertImportedDrafts(
                    List.of(TestStores.draft(company, "49239697104", LocalDate.of(2026, 1, 1))), second).get(0);

            assertThat(store.incidents().discardImport(second)).isEqualTo(1);
            store.incidents().completeImport(first);

            assertThat(store.incidents().findById(a)).isPresent();
            assertThat(store.incidents().findById(b)).isEmpty();
            assertThatThrownBy(() -> store.incidents().completeImport(second)).isInstanceOf(IllegalStateException.class);
            assertThat(store.incidents().discardImport(first)).as("a completed import is kept").isZero();
            assertThat(store.incidents().findById(a)).isPresent();
        }
    }

    @Test
    void damagedDatabaseNamesNewestBackup() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        TestStores.open(dataDir).close();
        Path newest = Backups.newest(paths).orElseThrow();
        overwrite(paths.databaseFile());

        assertThatThrownBy(() -> TestStores.open(dataDir))
                .isInstanceOf(StoreDamagedException.class)
                .hasMessageContaining(newest.toString())
                .satisfies(e -> assertThat(((StoreDamagedException) e).userMessage(Messages.GERMAN))
                        .contains(newest.toString()));
    }

    @Test
    void damagedDatabaseReleasesLock() throws Exception {
        StorePaths paths = TestStores.paths(dataDir);
        TestStores.open(dataDir).close();
        overwrite(paths.databaseFile());
        assertThatThrownBy(() -> TestStores.open(dataDir)).isInstanceOf(StoreDamagedException.class);

        // A lock left behind would make the second attempt fail with AlreadyRunningException.
        assertThatThrownBy(() -> TestStores.open(dataDir)).isInstanceOf(StoreDamagedException.class);
        assertThat(paths.portFile()).doesNotExist();
    }

    /** Overwrites the file headers and the first chunks with a pattern. */
    private static void overwrite(Path file) throws IOException {
        long size = Files.size(file);
        byte[] junk = new byte[(int) Math.min(size, 64 * 1024)];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(junk), 0);
        }
    }
}
