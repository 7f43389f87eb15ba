package de.meldedesk.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.CharCodingConfig;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One configured HttpClient that sends JSON POSTs and records whether a failure
 * happened before the request body began to leave. Automatic retries and
 * redirects are off, so HttpClient sends every request at most once and credentials
 * never follow a redirect to another host.
 */
final class HttpTransport implements AutoCloseable {

    /** A complete HTTP response. {@code retryAfter} is the header's raw value, or null. */
    record Reply(int status, String body, String retryAfter) {
    }

    /** A request that failed without a complete response. */
    static final class TransportException extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean bodyStarted;

        TransportException(String message, boolean bodyStarted, Throwable cause) {
            super(message, cause);
            this.bodyStarted = bodyStarted;
        }

        /** Returns whether the body may have reached the server, which makes the outcome unknown. */
        boolean bodyStarted() {
            return bodyStarted;
        }
    }

    /** Largest response body read; see {@link #readBody}. */
    static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private final CloseableHttpClient client;
    private final Duration overallTimeout;
    private final ScheduledExecutorService canceller;

    HttpTransport(ConnectionProfile profile, ClientTimeouts timeouts, ProxySelector systemProxies) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(timeouts.connect()))
                .setSocketTimeout(Timeout.of(timeouts.response()))
                // A pooled connection idle for longer is checked before use, so a connection the server has
                // closed meanwhile is not mistaken for a connection lost after sending.
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(TrustStores.sslContext(profile.extraCaCertificates()))
                        .buildClassic())
                // Header values go out as UTF-8, so a token with "§" arrives as the bytes it was issued with.
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .charCodingConfig(CharCodingConfig.custom().setCharset(StandardCharsets.UTF_8).build())
                        .build())
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeouts.response()))
                .setRedirectsEnabled(false)
                .setExpectContinueEnabled(false)
                .build();
        HttpRoutePlanner routes = profile.proxy() == null
                ? new SystemDefaultRoutePlanner(systemProxies)
                : new DefaultProxyRoutePlanner(new HttpHost(profile.proxy().host(), profile.proxy().port()));
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                .setRoutePlanner(routes)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.overallTimeout = timeouts.overall();
        this.canceller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "careflex-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends a JSON body by POST, with {@code Authorization: Bearer <token>} when a token is given.
     *
     * @throws TransportException when no complete response arrived
     */
    Reply post(URI url, String json, String bearerToken) throws TransportException {
        HttpPost post = new HttpPost(url);
        if (bearerToken != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        AtomicBoolean bodyStarted = new AtomicBoolean();
        post.setEntity(new HttpEntityWrapper(new StringEntity(json, ContentType.APPLICATION_JSON)) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                bodyStarted.set(true);
                super.writeTo(out);
            }
        });
        ScheduledFuture<?> deadline = canceller.schedule(() -> {
            post.cancel();
        }, overallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                String body = response.getEntity() == null ? "" : readBody(response.getEntity());
                Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                return new Reply(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (IOException e) {
            boolean sent = bodyStarted.get() && !isConnectFailure(e);
            String reason;
            if (post.isCancelled()) {
                reason = "no complete response within " + overallTimeout.toSeconds() + " s";
            } else if (e instanceof SocketTimeoutException) {
                reason = "timed out: " + e.getMessage();
            } else {
                reason = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            throw new TransportException(reason, sent, e);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Reads the response body, at most {@link #MAX_RESPONSE_BYTES}: a response of 100 incidents is
     * about 30 kB, so a larger body is no CareFlex response and must not fill the memory.
     */
    private static String readBody(HttpEntity entity) throws IOException {
        InputStream in = entity.getContent();
        if (in == null) {
            return "";
        }
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
            throw new IOException("the response body is larger than " + MAX_RESPONSE_BYTES / (1024 * 1024)
                    + " MB and was not read to the end");
        }
        in.close();
        Charset charset = StandardCharsets.UTF_8;
        try {
            ContentType type = ContentType.parseLenient(entity.getContentType());
            if (type != null && type.getCharset() != null) {
                charset = type.getCharset();
            }
        } catch (UnsupportedCharsetException e) {
            // An unknown charset name falls back to UTF-8, as EntityUtils does.
        }
        return new String(bytes, charset);
    }

    /** Returns whether the failure happened while the connection was being set up, before any request byte. */
    static boolean isConnectFailure(Throwable e) {
        return e instanceof ConnectException
                || e instanceof HttpHostConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException;
    }

    @Override
    public void close() throws IOException {
        canceller.shutdownNow();
        client.close();
    }
}
