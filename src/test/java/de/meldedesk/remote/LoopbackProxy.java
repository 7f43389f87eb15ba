package de.meldedesk.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP proxy on 127.0.0.1 for tests: it reads one request with an
 * absolute URI per connection, counts it, and either forwards it to the
 * target (header bytes unchanged) or responds with 407. It handles no CONNECT.
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket server;
    private final boolean demandAuthentication;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    LoopbackProxy(boolean demandAuthentication) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.demandAuthentication = demandAuthentication;
        this.acceptor = new Thread(this::acceptLoop, "test-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int requestCount() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                serve(client);
            } catch (IOException e) {
                // The socket was closed by close() or the client went away: wait for the next one.
            }
        }
    }

    private void serve(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        String requestLine = readLine(in);
        if (requestLine == null) {
            return;
        }
        requests.incrementAndGet();
        List<String> headers = new ArrayList<>();
        int contentLength = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
            if (!lower.startsWith("connection:") && !lower.startsWith("proxy-connection:")) {
                headers.add(line);
            }
        }
        byte[] body = in.readNBytes(contentLength);

        OutputStream out = client.getOutputStream();
        if (demandAuthentication) {
            write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            return;
        }

        String[] parts = requestLine.split(" ");
        URI target = URI.create(parts[1]);
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            OutputStream up = upstream.getOutputStream();
            write(up, parts[0] + " " + target.getRawPath() + " " + parts[2] + "\r\n");
            for (String header : headers) {
                write(up, header + "\r\n");
            }
            write(up, "Connection: close\r\n\r\n");
            up.write(body);
            up.flush();

            InputStream down = upstream.getInputStream();
            write(out, readLine(down) + "\r\n");
            for (String line = readLine(down); line != null && !line.isEmpty(); line = readLine(down)) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    write(out, line + "\r\n");
                }
            }
            write(out, "Connection: close\r\n\r\n");
            down.transferTo(out);
            out.flush();
        }
    }

    /** Reads one line with each byte as one char, so header bytes pass through unchanged. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
