package de.meldedesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.Employee;
import de.meldedesk.domain.StoredIncident;
import de.meldedesk.domain.Submission;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code history}: lists the sent incidents, newest request first, with the
 * portal's incident and import IDs; optionally only those of one company or
 * sent on or after a day.
 */
final class HistoryCommand {

    private static final int PAGE = 500;

    private HistoryCommand() {
    }

    /** A sent incident with the time its request started. */
    private record Entry(StoredIncident incident, Instant sentAt) {
    }

    static int run(CliSession session, List<String> args) throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of("--since", "--company"), Set.of("--json"),
                session.locale());
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(session.text("cli.unexpectedArgument", arguments.positional().get(0)));
        }
        String since = arguments.option("--since");
        LocalDate sinceDay = since == null ? null : FileCommands.date(session, "--since", since);
        String careflexId = arguments.option("--company");
        Company only = careflexId == null ? null : session.company(careflexId);

        List<Entry> entries = entries(session.store(), only, sinceDay, session.clock().getZone());
        if (arguments.flag("--json")) {
            session.printJson(document(entries));
        } else {
            print(session, entries);
        }
        return Cli.EXIT_OK;
    }

    private static List<Entry> entries(Store store, Company only, LocalDate sinceDay, ZoneId zone) {
        Map<Long, Optional<Submission>> submissions = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<StoredIncident> page = store.incidents().searchHistory("", PAGE, offset);
            for (StoredIncident incident : page) {
                if (only != null && incident.companyId() != only.id()) {
                    continue;
                }
                Instant sentAt = incident.submissionId() == null ? null
                        : submissions.computeIfAbsent(incident.submissionId(), id -> store.submissions().find(id))
                                .map(Submission::startedAt).orElse(null);
                if (sinceDay != null && (sentAt == null || sentAt.atZone(zone).toLocalDate().isBefore(sinceDay))) {
                    continue;
                }
                entries.add(new Entry(incident, sentAt));
            }
            if (page.size() < PAGE) {
                return entries;
            }
            offset += PAGE;
        }
    }

    private static ObjectNode document(List<Entry> entries) {
        ObjectNode document = CliSession.json().createObjectNode();
        ArrayNode list = document.putArray("incidents");
        for (Entry entry : entries) {
            StoredIncident stored = entry.incident();
            Employee employee = stored.incident().employee();
            ObjectNode node = list.addObject();
            node.put("draftId", stored.id());
            node.put("company", stored.careflexId());
            node.put("status", stored.status().name());
            node.put("incidentId", stored.incidentId());
            node.put("importId", stored.importId());
            node.put("sentAt", entry.sentAt() == null ? null : entry.sentAt().toString());
            node.put("type", stored.incident().type());
            node.put("employeeId", stored.incident().employeeId());
            node.put("externalId", stored.incident().externalId());
            node.put("firstName", employee.firstName());
            node.put("lastName", employee.lastName());
            node.put("validFrom", stored.incident().validFrom() == null ? null
                    : stored.incident().validFrom().toString());
            node.put("outcomeText", stored.outcomeText());
        }
        return document;
    }

    private static void print(CliSession session, List<Entry> entries) {
        if (entries.isEmpty()) {
            session.print("cli.history.empty");
            return;
        }
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(session.locale()).withZone(session.clock().getZone());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(session.locale());
        session.print("cli.history.header");
        for (Entry entry : entries) {
            StoredIncident stored = entry.incident();
            Employee employee = stored.incident().employee();
            String name = String.join(" ", nonNull(employee.firstName()), nonNull(employee.lastName())).trim();
            session.out().println(String.join(" | ",
                    entry.sentAt() == null ? "-" : dateTime.format(entry.sentAt()),
                    stored.careflexId(),
                    session.text("cli.history.status." + stored.status().name()),
                    stored.incidentId() == null ? "-" : stored.incidentId(),
                    nonNull(stored.incident().type()),
                    nonNull(stored.incident().employeeId()),
                    name.isEmpty() ? "-" : name,
                    stored.incident().validFrom() == null ? "-" : date.format(stored.incident().validFrom())));
        }
        session.print("cli.history.count", entries.size());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
