package de.meldedesk.reliability;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.ServiceUser;
import de.meldedesk.service.SubmissionService;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Child of {@link CrashTest}: opens the store of the first argument and sends
 * every sendable incident to the sandbox whose token, incident/new and
 * incident/none URLs are the next three arguments (user and secret follow).
 * Prints {@code READY}, then {@code DONE <outcome> <id,id,...>} after each
 * request's outcome is stored, and {@code IDLE} when nothing is left to send.
 */
public final class SubmissionCrashChild {

    static final String API_TOKEN = "crash-api-token-%§-77";

    private SubmissionCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ConnectionProfile profile = ConnectionProfile.of("sandbox", URI.create(args[1]), URI.create(args[2]),
                URI.create(args[3]));
        try (Store store = Store.open(new AppPaths(Path.of(args[0])).storePaths());
                CareflexClient client = CareflexClient.builder(profile, new ServiceUser(args[4], args[5])).build()) {
            SubmissionService service = new SubmissionService(store, IncidentTypeCatalogue.builtIn(),
                    Clock.systemDefaultZone());
            out.println("READY");
            while (true) {
                List<Long> sendable = store.incidents().list(IncidentFilter.ALL.statuses(IncidentStatus.READY,
                        IncidentStatus.NOT_SENT, IncidentStatus.RETRY_LATER).page(100_000, 0)).stream()
                        .map(StoredIncident::id).toList();
                if (sendable.isEmpty()) {
                    out.println("IDLE");
                    return;
                }
                SubmissionService.Plan plan = service.plan(client, sendable, company -> Optional.of(API_TOKEN));
                service.send(client, "sandbox", plan, (done, total, sent) -> out.print("DONE "
                        + sent.result().outcome() + " " + sent.planned().incidentIds().stream()
                        .map(String::valueOf).collect(Collectors.joining(",")) + "\n"), () -> false);
            }
        }
    }
}
