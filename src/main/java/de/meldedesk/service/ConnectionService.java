package de.meldedesk.service;

import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.ProxyAddress;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a saved connection profile into a client. The built-in Sandbox
 * profile starts the embedded sandbox server on a free loopback port the
 * first time it is used, and stops it on close.
 */
public final class ConnectionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

    private final SandboxConfig sandboxConfig;
    private SandboxServer sandbox;

    public ConnectionService() {
        this(SandboxConfig.defaults());
    }

    public ConnectionService(SandboxConfig sandboxConfig) {
        this.sandboxConfig = sandboxConfig;
    }

    /** Returns whether a profile is the built-in sandbox, whose URLs are set when it starts. */
    public static boolean isSandbox(SavedProfile saved) {
        return saved.builtIn() && SavedProfile.SANDBOX.equals(saved.name());
    }

    /**
     * Resolves the URLs of a saved profile.
     *
     * @throws IOException when the embedded sandbox cannot start
     * @throws IllegalArgumentException when a URL is malformed or is plain http to another host
     */
    public synchronized ConnectionProfile resolve(SavedProfile saved) throws IOException {
        if (isSandbox(saved)) {
            SandboxServer server = startSandbox();
            return ConnectionProfile.of(saved.name(), server.tokenUrl(), server.incidentNewUrl(),
                    server.incidentNoneUrl());
        }
        ConnectionProfile profile = ConnectionProfile.of(saved.name(), URI.create(saved.tokenUrl().trim()),
                URI.create(saved.incidentNewUrl().trim()), URI.create(saved.incidentNoneUrl().trim()));
        if (saved.proxy() != null && !saved.proxy().isBlank()) {
            profile = profile.withProxy(ProxyAddress.parse(saved.proxy()));
        }
        if (!saved.extraCaFiles().isEmpty()) {
            profile = profile.withExtraCaCertificates(saved.extraCaFiles().stream().map(Path::of).toList());
        }
        return profile;
    }

    /** Builds a client for a profile and service user; it requests its token on first use. */
    public CareflexClient connect(SavedProfile saved, ServiceUser user) throws IOException {
        return CareflexClient.builder(resolve(saved), user).build();
    }

    /** Returns the embedded sandbox when it runs. */
    public synchronized Optional<SandboxServer> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /** Returns the service user that the embedded sandbox accepts. */
    public ServiceUser sandboxServiceUser() {
        return new ServiceUser(sandboxConfig.serviceUserId(), sandboxConfig.serviceSecret());
    }

    private SandboxServer startSandbox() throws IOException {
        if (sandbox == null) {
            sandbox = SandboxServer.start(sandboxConfig);
            LOG.info("Embedded sandbox started on port {}", sandbox.port());
        }
        return sandbox;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.stop();
            LOG.info("Embedded sandbox stopped");
            sandbox = null;
        }
    }
}
