package de.meldedesk.remote;

import de.meldedesk.domain.Incident;
import de.meldedesk.sandbox.SandboxConfig;
import de.meldedesk.sandbox.SandboxServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds profiles, clients and incidents for tests that run the client against the sandbox. */
final class SandboxClients {

    static final ServiceUser USER = new ServiceUser(SandboxConfig.DEFAULT_USER, SandboxConfig.DEFAULT_SECRET);

    private SandboxClients() {
    }

    static ConnectionProfile profile(SandboxServer sandbox) {
        return ConnectionProfile.of("sandbox", sandbox.tokenUrl(), sandbox.incidentNewUrl(), sandbox.incidentNoneUrl());
    }

    static CareflexClient client(SandboxServer sandbox) {
        return CareflexClient.builder(profile(sandbox), USER).build();
    }

    /** Creates {@code count} WIK incidents whose external IDs are {@code prefix-0}, {@code prefix-1}, and so on. */
    static List<Incident> incidents(String prefix, int count) {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            incidents.add(new Incident(prefix + "-" + i, "WIK", "49239697103",
                    LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1), null));
        }
        return incidents;
    }
}
