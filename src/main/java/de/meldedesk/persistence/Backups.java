package de.meldedesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily backups of the database as {@code meldedesk-YYYY-MM-DD-HHmmss.zip},
 * written by H2's {@code BACKUP TO} while the database is open, which gives
 * a consistent copy; a plain file copy of an open database would not. The
 * newest {@link #KEEP} are kept.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    public static final int KEEP = 10;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");
    private static final Pattern NAME = Pattern.compile("meldedesk-\\d{4}-\\d{2}-\\d{2}-\\d{6}\\.zip");

    /** Maximum size of a restored database file. A larger zip entry is rejected as not a Meldedesk backup. */
    private static final long MAX_DATABASE_BYTES = 20L * 1024 * 1024 * 1024;

    private Backups() {
    }

    /** Lists the backups, newest first. The name's time stamp orders them. */
    public static List<Path> list(StorePaths paths) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(paths.backupDir())) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(paths.backupDir())) {
            for (Path file : files) {
                if (NAME.matcher(file.getFileName().toString()).matches()) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Backup folder {} cannot be read: {}", paths.backupDir(), e.getMessage());
        }
        found.sort(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed());
        return found;
    }

    public static Optional<Path> newest(StorePaths paths) {
        List<Path> all = list(paths);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Returns whether a backup with today's date exists. */
    static boolean hasBackupOn(StorePaths paths, LocalDate day) {
        String prefix = "meldedesk-" + day + "-";
        return list(paths).stream().anyMatch(file -> file.getFileName().toString().startsWith(prefix));
    }

    /** Writes a backup of the open database now and removes all but the newest {@link #KEEP}. */
    static Path create(Database database, StorePaths paths, Clock clock) throws IOException {
        Files.createDirectories(paths.backupDir());
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = paths.backupDir().resolve("meldedesk-" + STAMP.format(now) + ".zip");
        if (Files.exists(target)) {
            return target;
        }
        database.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        LOG.info("Backup written to {}", target);
        prune(paths);
        return target;
    }

    private static void prune(StorePaths paths) {
        List<Path> all = list(paths);
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            try {
                Files.delete(old);
                LOG.info("Old backup {} removed", old);
            } catch (IOException e) {
                LOG.warn("Old backup {} could not be removed: {}", old, e.getMessage());
            }
        }
    }

    /**
     * Replaces the database with the one in {@code backupZip}. Call it only
     * while no store is open: it takes the data folder's lock itself and
     * fails with {@link AlreadyRunningException} otherwise. The current
     * database files are moved, not deleted, to
     * {@code db-before-restore-YYYY-MM-DD-HHmmss} beside the database folder.
     *
     * @return the folder holding the replaced files, or null when there were none
     */
    public static Path restore(StorePaths paths, Path backupZip) throws IOException, AlreadyRunningException {
        InstanceLock lock = InstanceLock.acquire(paths);
        try {
            Path staged = unpack(paths, backupZip);
            Path aside = null;
            if (Files.isDirectory(paths.databaseDir())) {
                aside = paths.databaseDir().resolveSibling("db-before-restore-"
                        + STAMP.format(LocalDateTime.now()));
                Files.move(paths.databaseDir(), aside);
            }
            Files.createDirectories(paths.databaseDir());
            Files.move(staged, paths.databaseFile(), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(staged.getParent());
            LOG.info("Database restored from {}; previous files kept in {}", backupZip, aside);
            return aside;
        } finally {
            lock.close();
        }
    }

    /** Extracts the database file of the zip into a folder beside the database; returns the extracted file. */
    private static Path unpack(StorePaths paths, Path backupZip) throws IOException {
        String wanted = StorePaths.DATABASE_NAME + ".mv.db";
        Path stagingDir = Files.createTempDirectory(paths.dataDir(), "restore-");
        Path staged = stagingDir.resolve(wanted);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backupZip))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().replace('\\', '/');
                if (name.substring(name.lastIndexOf('/') + 1).equals(wanted)) {
                    copyLimited(zip, staged);
                    return staged;
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(stagingDir);
            throw e;
        }
        Files.deleteIfExists(stagingDir);
        throw new IOException(backupZip + " contains no " + wanted + ", so it is not a Meldedesk backup");
    }

    private static void copyLimited(InputStream in, Path target) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_DATABASE_BYTES) {
                    throw new IOException("database file in the backup is larger than " + MAX_DATABASE_BYTES
                            + " bytes; it is not a Meldedesk backup");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
