package de.meldedesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.domain.Company;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestResult;
import de.meldedesk.service.EmptyReportService;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code empty-report}: sends the empty report of one company for one month.
 * It is skipped when that month already has an accepted empty report or sent
 * incidents, and withheld while drafts of the month wait, unless {@code --force}
 * is given. So a monthly scheduled run does not send one for a month that has incidents.
 */
final class EmptyReportCommand {

    private EmptyReportCommand() {
    }

    static int run(CliSession session, List<String> args) throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of("--company", "--month"), Set.of("--json", "--force"),
                session.locale());
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(session.text("cli.unexpectedArgument", arguments.positional().get(0)));
        }
        String careflexId = arguments.required("--company");
        YearMonth month = month(session, arguments.required("--month"));
        boolean json = arguments.flag("--json");
        boolean force = arguments.flag("--force");
        Company company = session.company(careflexId);
        EmptyReportService service = new EmptyReportService(session.store(), session.clock().getZone());

        ObjectNode document = CliSession.json().createObjectNode();
        document.put("company", company.careflexId());
        document.put("month", month.toString());
        List<String> warnings = service.warnings(company, month);
        ArrayNode warningNodes = document.putArray("warnings");
        warnings.forEach(key -> warningNodes.add(session.text(key)));

        Optional<EmptyReportService.MonthState> state = service.overview(month).stream()
                .filter(line -> line.company().id() == company.id())
                .map(EmptyReportService.MonthLine::state)
                .findFirst();
        String skipKey = null;
        int skipExit = Cli.EXIT_OK;
        if (state.orElse(null) == EmptyReportService.MonthState.EMPTY_REPORT_SENT) {
            skipKey = "cli.emptyReport.alreadySent";
        } else if (warnings.contains("emptyReport.warning.sent")) {
            skipKey = "cli.emptyReport.incidentsSent";
        } else if (warnings.contains("emptyReport.warning.drafts")) {
            skipKey = "cli.emptyReport.draftsWaiting";
            skipExit = Cli.EXIT_PROBLEMS;
        }
        if (skipKey != null && !force) {
            String message = session.text(skipKey, company.careflexId(), month.toString());
            document.put("sent", false);
            document.put("message", message);
            if (json) {
                session.printJson(document);
            } else {
                session.out().println(message);
            }
            return skipExit;
        }

        ActiveConnection connection = ActiveConnection.open(session);
        String apiToken = connection.apiToken(company).orElse(null);
        if (apiToken == null) {
            throw new CliFailure(session.text("cli.credentials.noApiToken", company.careflexId()));
        }
        RequestResult result;
        try (CareflexClient client = connection.connect()) {
            result = service.send(client, connection.profile().name(), company, month, apiToken);
        }
        String message = result.describe(session.locale());
        document.put("sent", true);
        document.put("profile", connection.profile().name());
        document.put("outcome", result.outcome().name());
        document.put("httpStatus", result.httpStatus());
        document.put("importId", result.importId());
        document.put("message", message);
        if (json) {
            session.printJson(document);
        } else {
            for (String warning : warnings) {
                session.printDetail("cli.problem.warning", session.text(warning));
            }
            session.print("cli.emptyReport.result", company.careflexId(), month.toString(), message);
        }
        return SubmitCommand.exitCodeOf(result.outcome());
    }

    private static YearMonth month(CliSession session, String value) throws UsageException {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(session.text("cli.option.notAMonth", "--month", value));
        }
    }
}
