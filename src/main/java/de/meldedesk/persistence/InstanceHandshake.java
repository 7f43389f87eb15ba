package de.meldedesk.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The second start's side of the {@link InstanceLock} hand-over, which requests the running process's window. */
public final class InstanceHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHandshake.class);

    private static final int TIMEOUT_MS = 2000;

    private InstanceHandshake() {
    }

    /**
     * Asks the Meldedesk process that has {@code dataDir} open to bring its
     * window to the front. Returns whether it confirmed; false when no process
     * listens or the port file is missing or stale.
     */
    public static boolean requestFocus(Path dataDir) {
        Path portFile = dataDir.toAbsolutePath().normalize().resolve(StorePaths.PORT_FILE);
        int port;
        String nonce;
        try {
            List<String> lines = Files.readAllLines(portFile, StandardCharsets.US_ASCII);
            port = Integer.parseInt(lines.get(0).strip());
            nonce = lines.get(1).strip();
        } catch (IOException | RuntimeException e) {
            LOG.info("No focus listener found through {}: {}", portFile, e.toString());
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write((InstanceLock.FOCUS_COMMAND + " " + nonce + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return InstanceLock.ANSWER.equals(answer);
        } catch (IOException e) {
            LOG.info("Focus request to port {} failed: {}", port, e.getMessage());
            return false;
        }
    }
}
