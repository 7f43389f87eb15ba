package de.meldedesk.service;

import de.meldedesk.domain.Company;
import de.meldedesk.domain.EmptyReport;
import de.meldedesk.domain.IncidentStatus;
import de.meldedesk.domain.Submission;
import de.meldedesk.persistence.IncidentFilter;
import de.meldedesk.persistence.Store;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.RequestResult;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly duty: every company either reports at least one incident or
 * sends the empty report ("Leermeldung") for that month.
 */
public final class EmptyReportService {

    private static final Logger LOG = LoggerFactory.getLogger(EmptyReportService.class);

    private final Store store;
    private final ZoneId zone;

    public EmptyReportService(Store store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** The reporting state of a company for one month. */
    public enum MonthState {
        INCIDENTS_SENT,
        EMPTY_REPORT_SENT,
        NOTHING_YET
    }

    /** One line of the monthly overview. */
    public record MonthLine(Company company, MonthState state, int incidentsSent, boolean hasOpenDrafts) {
    }

    /** Returns the state of every active company for the month. */
    public List<MonthLine> overview(YearMonth month) {
        List<EmptyReport> emptyReports = store.emptyReports().listForMonth(month);
        List<MonthLine> lines = new ArrayList<>();
        for (Company company : store.companies().list(false)) {
            int sent = acceptedRowsSentIn(company, month);
            boolean empty = emptyReports.stream().anyMatch(r -> r.companyId() == company.id()
                    && RequestOutcome.ACCEPTED.name().equals(r.outcome()));
            boolean drafts = store.incidents().count(IncidentFilter.ALL.company(company.id())
                    .statuses(IncidentStatus.DRAFT, IncidentStatus.READY).month(month)) > 0;
            MonthState state = sent > 0 ? MonthState.INCIDENTS_SENT
                    : empty ? MonthState.EMPTY_REPORT_SENT : MonthState.NOTHING_YET;
            lines.add(new MonthLine(company, state, sent, drafts));
        }
        return lines;
    }

    /** Returns the companies that sent neither incidents nor an empty report in the month. */
    public List<Company> missing(YearMonth month) {
        return overview(month).stream().filter(l -> l.state() == MonthState.NOTHING_YET)
                .map(MonthLine::company).toList();
    }

    /**
     * Returns why an empty report for this company and month may be wrong:
     * drafts whose validFrom lies in the month, or incidents already sent in it.
     */
    public List<String> warnings(Company company, YearMonth month) {
        List<String> warnings = new ArrayList<>();
        long drafts = store.incidents().count(IncidentFilter.ALL.company(company.id())
                .statuses(IncidentStatus.DRAFT, IncidentStatus.READY).month(month));
        if (drafts > 0) {
            warnings.add("emptyReport.warning.drafts");
        }
        if (acceptedRowsSentIn(company, month) > 0) {
            warnings.add("emptyReport.warning.sent");
        }
        return warnings;
    }

    /** Sends the empty report and records it with its outcome. */
    public RequestResult send(CareflexClient client, String profileName, Company company, YearMonth month,
                              String apiToken) {
        RequestResult result = client.sendEmptyReport(company.careflexId(), apiToken);
        long id = store.emptyReports().record(company.id(), month, profileName, result.finishedAt(),
                result.outcome().name(), result.httpStatus(), result.responseBody(), result.errorText());
        store.audit().append("emptyreport.sent", "emptyReport", Long.toString(id),
                "company " + company.careflexId() + ", month " + month + ", outcome " + result.outcome());
        LOG.info("Empty report for company {} and {}: {}", company.careflexId(), month, result.outcome());
        return result;
    }

    private int acceptedRowsSentIn(Company company, YearMonth month) {
        int rows = 0;
        int offset = 0;
        while (true) {
            List<Submission> page = store.submissions().list(company.id(), 500, offset);
            for (Submission submission : page) {
                if (RequestOutcome.ACCEPTED.name().equals(submission.outcome())
                        && submission.startedAt() != null
                        && YearMonth.from(submission.startedAt().atZone(zone)).equals(month)) {
                    rows += submission.rowCount();
                }
            }
            if (page.size() < 500) {
                return rows;
            }
            offset += 500;
        }
    }
}
