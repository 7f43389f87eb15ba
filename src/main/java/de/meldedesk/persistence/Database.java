package de.meldedesk.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to the embedded H2 file database and the one way to use them:
 * every call runs in its own transaction, committed on success and rolled
 * back on any exception.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * Settings on every connection. WRITE_DELAY=0 makes H2 write each commit to
     * the file when it happens instead of up to half a second later.
     * REUSE_SPACE=FALSE makes it append new chunks at the end of the file: with
     * reuse, CrashSafetyTest under load lost whole batches that had been
     * reported as committed, apparently because recovery after SIGKILL did not
     * find a newer chunk written into free space. The file then grows with
     * every commit (about 11 kB for one edited draft) until {@link #close}
     * compacts it. DB_CLOSE_ON_EXIT=FALSE leaves closing to
     * {@link Store#close()} instead of a shutdown hook that races with it. No
     * AUTO_SERVER: one process only.
     * With these settings alone, a SIGKILL in the middle of a 10,000-row
     * insert brought part of that uncommitted transaction back, and a later
     * delete of those rows never finished. Hence one writer at a time, at most
     * {@link #MAX_ROWS_PER_TRANSACTION} rows per transaction for bulk work, and
     * import batches that only count once complete (see
     * {@link IncidentRepository#beginImport}).
     * NOTE: a file left in that state by an older version is not repaired.
     */
    static final String SETTINGS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE";

    private static final int MAX_CONNECTIONS = 4;

    /** Files up to this size are not compacted on close: the time is not worth a few megabytes. */
    static final long COMPACT_ABOVE_BYTES = 8L * 1024 * 1024;

    /**
     * Maximum rows one bulk writing transaction changes. Larger ones made H2
     * store pages before the commit, with the risk described at {@link #transaction}.
     */
    static final int MAX_ROWS_PER_TRANSACTION = 250;

    private final JdbcConnectionPool pool;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    static Database open(StorePaths paths) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(paths.jdbcBase() + SETTINGS, "meldedesk", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new Database(pool);
    }

    DataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction, writes the commit through to the
     * file and returns its result. Writing transactions run one at a time.
     * H2 stores its maps one by one. A store that happens while another
     * transaction is open can therefore save that transaction's rows without
     * their undo log. After a SIGKILL such rows came back as half an import,
     * and later writes to them never finished. With one writer at a time, the
     * checkpoint after each commit stores committed rows only.
     */
    <T> T transaction(SqlWork<T> work) {
        writeLock.lock();
        try {
            return run(work, true);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work}, which only reads, in one transaction and returns its result. */
    <T> T read(SqlWork<T> work) {
        return run(work, false);
    }

    private <T> T run(SqlWork<T> work, boolean writes) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                if (writes) {
                    checkpoint(connection);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database operation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes committed changes through to the file at once, as a second guard
     * besides the settings above. It costs an fsync per writing transaction,
     * so reads skip it.
     */
    private static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }

    /** Runs one statement outside the repositories, e.g. BACKUP TO. */
    void execute(String sql) {
        transaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    /** Returns whether the file is larger than {@value #COMPACT_ABOVE_BYTES} bytes and less than half of it is live. */
    private static boolean shouldCompact(Statement statement) {
        try (ResultSet settings = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
            long size = 0;
            int fillRate = 100;
            while (settings.next()) {
                if (settings.getString(1).equals("info.FILE_SIZE")) {
                    size = Long.parseLong(settings.getString(2));
                } else {
                    fillRate = Integer.parseInt(settings.getString(2));
                }
            }
            return size > COMPACT_ABOVE_BYTES && fillRate < 50;
        } catch (SQLException | NumberFormatException e) {
            LOG.warn("The database file size could not be read, so it is not compacted: {}", e.getMessage());
            return false;
        }
    }

    /** Drops the connections without SHUTDOWN, for a database that did not open. */
    void dispose() {
        pool.dispose();
    }

    /**
     * Closes the database file; open transactions are rolled back. When most
     * of the file is outdated chunks, H2 rewrites it compactly first, which
     * took 0.2 s for a 54 MB file that shrank to 1.2 MB.
     */
    @Override
    public void close() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(shouldCompact(statement) ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Database shutdown failed: {}", e.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
