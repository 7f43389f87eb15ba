package de.meldedesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a data folder to one Meldedesk process: an exclusive lock on
 * {@code meldedesk.lock}, held until {@link #close()}, plus a listener on a
 * free loopback port through which a second start requests that this one
 * brings its window to the front. The port and a random nonce go into
 * {@code instance.port}; a request must quote the nonce, so only someone who
 * can read the data folder can trigger it.
 */
public final class InstanceLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);

    static final String FOCUS_COMMAND = "FOCUS";
    static final String ANSWER = "OK";
    private static final int MAX_LINE = 200;
    private static final int READ_TIMEOUT_MS = 2000;

    private final StorePaths paths;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Runnable> focusListeners = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private String nonce;

    private InstanceLock(StorePaths paths, FileChannel channel, FileLock lock) {
        this.paths = paths;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on the data folder and starts the focus listener.
     *
     * @throws AlreadyRunningException when another process, or another store
     *         in this process, holds the lock
     */
    public static InstanceLock acquire(StorePaths paths) throws AlreadyRunningException, IOException {
        Files.createDirectories(paths.dataDir());
        FileChannel channel = FileChannel.open(paths.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            LOG.info("Data folder {} is in use by another Meldedesk process", paths.dataDir());
            throw new AlreadyRunningException(paths.dataDir());
        }
        InstanceLock instance = new InstanceLock(paths, channel, lock);
        instance.startListener();
        return instance;
    }

    /** Registers work to run, on the listener thread, when a second start requests the window. */
    public void onFocusRequested(Runnable listener) {
        focusListeners.add(listener);
    }

    private void startListener() {
        try {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            nonce = HexFormat.of().formatHex(random);
            writePortFile(server.getLocalPort(), nonce);
        } catch (IOException e) {
            // The lock still protects the database; only the window hand-over is lost.
            LOG.warn("Focus listener could not start, a second start cannot bring this window forward: {}",
                    e.getMessage());
            closeServer();
            return;
        }
        Thread thread = new Thread(this::serve, "meldedesk-focus-listener");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Focus listener on 127.0.0.1 port {}", server.getLocalPort());
    }

    private void writePortFile(int port, String secret) throws IOException {
        Path temp = paths.portFile().resolveSibling(paths.portFile().getFileName() + ".tmp");
        Files.writeString(temp, port + "\n" + secret + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, paths.portFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void serve() {
        ServerSocket socket = server;
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                handle(client);
            } catch (SocketException e) {
                if (!socket.isClosed()) {
                    LOG.warn("Focus listener connection failed: {}", e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Focus listener connection failed: {}", e.toString());
            }
        }
    }

    private void handle(Socket client) throws IOException {
        client.setSoTimeout(READ_TIMEOUT_MS);
        String line = readLine(client.getInputStream());
        if (line == null || !line.equals(FOCUS_COMMAND + " " + nonce)) {
            LOG.warn("Focus listener ignored a request without the right nonce");
            return;
        }
        LOG.info("A second start asked for the window");
        for (Runnable listener : focusListeners) {
            listener.run();
        }
        OutputStream out = client.getOutputStream();
        out.write((ANSWER + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one line of at most {@link #MAX_LINE} characters; returns null for a longer or unfinished one. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (line.length() <= MAX_LINE) {
            int c = in.read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                return line.toString();
            }
            line.append((char) c);
        }
        return null;
    }

    private void closeServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("Focus listener did not close: {}", e.getMessage());
            }
        }
    }

    /** Stops the listener, removes the port file and releases the lock. */
    @Override
    public void close() {
        closeServer();
        try {
            Files.deleteIfExists(paths.portFile());
        } catch (IOException e) {
            LOG.warn("Port file {} could not be removed: {}", paths.portFile(), e.getMessage());
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.warn("Lock on {} could not be released: {}", paths.lockFile(), e.getMessage());
        }
    }
}
