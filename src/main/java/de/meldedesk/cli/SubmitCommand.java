package de.meldedesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.RequestResult;
import de.meldedesk.service.SubmissionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code submit}: sends every incident that is ready, or was not sent or is to
 * be sent again later, through the active connection, as the app does. With
 * {@code --dry-run} it prints the planned requests and sends nothing.
 */
final class SubmitCommand {

    private static final int PAGE = 1000;

    private SubmitCommand() {
    }

    static int run(CliSession session, List<String> args) throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of("--company"), Set.of("--json", "--dry-run"),
                session.locale());
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(session.text("cli.unexpectedArgument", arguments.positional().get(0)));
        }
        boolean json = arguments.flag("--json");
        boolean dryRun = arguments.flag("--dry-run");
        String careflexId = arguments.option("--company");
        Company only = careflexId == null ? null : session.company(careflexId);
        Store store = session.store();

        List<Long> ids = sendableIds(store, only);
        ObjectNode document = CliSession.json().createObjectNode();
        document.put("dryRun", dryRun);
        if (ids.isEmpty()) {
            document.putArray("requests");
            document.putArray("blocked");
            if (json) {
                session.printJson(document);
            } else {
                session.print("cli.submit.nothing");
            }
            return Cli.EXIT_OK;
        }

        ActiveConnection connection = ActiveConnection.open(session);
        document.put("profile", connection.profile().name());
        SubmissionService service = new SubmissionService(store, session.catalogue(), session.clock());
        try (CareflexClient client = connection.connect()) {
            SubmissionService.Plan plan = service.plan(client, ids, connection::apiToken);
            int exit = plan.blocked().isEmpty() ? Cli.EXIT_OK : Cli.EXIT_PROBLEMS;
            if (!json) {
                session.print(dryRun ? "cli.submit.planned" : "cli.submit.sending", plan.incidentCount(),
                        plan.requests().size(), connection.profile().name());
            }
            ArrayNode requests = document.putArray("requests");
            if (dryRun) {
                for (SubmissionService.PlannedRequest planned : plan.requests()) {
                    requests.add(plannedNode(planned));
                    if (!json) {
                        session.printDetail("cli.submit.plannedRequest", planned.company().careflexId(),
                                planned.company().name(), planned.incidentIds().size());
                    }
                }
            } else {
                List<SubmissionService.SentRequest> sent = service.send(client, connection.profile().name(), plan,
                        (done, total, request) -> {
                            if (!json) {
                                printSent(session, request);
                            }
                        }, () -> false);
                for (SubmissionService.SentRequest request : sent) {
                    requests.add(sentNode(session, request));
                    exit = Math.max(exit, exitCodeOf(request.result().outcome()));
                }
                int unsent = plan.requests().size() - sent.size();
                if (unsent > 0 && !json) {
                    session.print("cli.submit.stopped", unsent);
                }
            }
            document.set("blocked", blockedNode(session, plan.blocked()));
            if (json) {
                session.printJson(document);
            } else {
                printBlocked(session, plan.blocked());
            }
            return exit;
        }
    }

    /** Lists the incidents that may be sent, oldest first, page by page. */
    private static List<Long> sendableIds(Store store, Company only) {
        IncidentFilter filter = IncidentFilter.ALL.statuses(IncidentStatus.READY, IncidentStatus.NOT_SENT,
                IncidentStatus.RETRY_LATER);
        if (only != null) {
            filter = filter.company(only.id());
        }
        List<Long> ids = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<StoredIncident> page = store.incidents().list(filter.page(PAGE, offset));
            page.forEach(incident -> ids.add(incident.id()));
            if (page.size() < PAGE) {
                return ids;
            }
            offset += PAGE;
        }
    }

    /**
     * Maps an outcome to an exit code. Rejected, unknown and retry-later outcomes need a person to look (1).
     * A request that failed to connect or authenticate counts as no connection (2).
     */
    static int exitCodeOf(RequestOutcome outcome) {
        switch (outcome) {
            case ACCEPTED:
                return Cli.EXIT_OK;
            case REJECTED:
            case UNKNOWN:
            case RETRY_LATER:
                return Cli.EXIT_PROBLEMS;
            case NOT_SENT:
            case AUTH_FAILED:
            case PROXY_AUTH_REQUIRED:
            default:
                return Cli.EXIT_FAILED;
        }
    }

    private static ObjectNode plannedNode(SubmissionService.PlannedRequest planned) {
        ObjectNode node = CliSession.json().createObjectNode();
        node.put("company", planned.company().careflexId());
        node.put("rows", planned.incidentIds().size());
        ArrayNode drafts = node.putArray("draftIds");
        planned.incidentIds().forEach(drafts::add);
        return node;
    }

    private static ObjectNode sentNode(CliSession session, SubmissionService.SentRequest sent) {
        RequestResult result = sent.result();
        ObjectNode node = plannedNode(sent.planned());
        node.remove("draftIds");
        node.put("submissionId", sent.submissionId());
        node.put("outcome", result.outcome().name());
        node.put("httpStatus", result.httpStatus());
        node.put("importId", result.importId());
        node.put("message", result.describe(session.locale()));
        ArrayNode rows = node.putArray("incidents");
        for (Long id : sent.planned().incidentIds()) {
            ObjectNode row = rows.addObject();
            row.put("draftId", id);
            row.put("incidentId", sent.incidentIds().get(id));
        }
        return node;
    }

    private static ArrayNode blockedNode(CliSession session, List<SubmissionService.Blocked> blocked) {
        ArrayNode list = CliSession.json().createArrayNode();
        for (SubmissionService.Blocked entry : blocked) {
            ObjectNode node = list.addObject();
            node.put("draftId", entry.incident().id());
            node.put("company", entry.incident().careflexId());
            node.put("employeeId", entry.incident().incident().employeeId());
            node.put("reason", entry.reasonKey());
            node.put("message", session.text(entry.reasonKey()));
            ArrayNode problems = node.putArray("problems");
            for (Problem problem : entry.problems()) {
                problems.add(problem.fieldLabel(session.locale()) + ": " + problem.message(session.locale()));
            }
        }
        return list;
    }

    private static void printSent(CliSession session, SubmissionService.SentRequest sent) {
        session.print("cli.submit.result", sent.planned().company().careflexId(), sent.planned().incidentIds().size(),
                sent.result().describe(session.locale()));
        for (Long id : sent.planned().incidentIds()) {
            String incidentId = sent.incidentIds().get(id);
            if (incidentId != null) {
                session.printDetail("cli.submit.incidentId", id, incidentId);
            }
        }
    }

    private static void printBlocked(CliSession session, List<SubmissionService.Blocked> blocked) {
        for (SubmissionService.Blocked entry : blocked) {
            session.printDetail("cli.submit.blocked", entry.incident().id(), entry.incident().incident().employeeId(),
                    session.text(entry.reasonKey()));
        }
    }
}
