package de.meldedesk.ui.history;

import de.meldedesk.domain.AuditEntry;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.DateText;
import de.meldedesk.domain.EmptyReport;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.AuditLog;
import de.meldedesk.service.history.HistoryEntry;
import de.meldedesk.service.history.HistoryExport;
import de.meldedesk.service.history.HistoryQuery;
import de.meldedesk.service.history.HistoryService;
import de.meldedesk.service.history.Outcome;
import de.meldedesk.service.history.Receipt;
import de.meldedesk.service.history.ReceiptPdf;
import de.meldedesk.service.history.ReceiptUnavailableException;
import de.meldedesk.service.history.SentIncident;
import de.meldedesk.service.history.SubmissionDetail;
import de.meldedesk.ui.common.BackgroundRunner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the history screen: the filters, the list of requests, one page
 * of sent incidents, the selected request's detail and a status message for
 * the clerk. All work runs through the {@link BackgroundRunner}; properties
 * change only in its callbacks. Results of a query that a newer one replaced
 * are dropped, so fast typing never shows an older result.
 */
public final class HistoryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);

    /** Sent incidents per page. */
    public static final int PAGE_SIZE = 100;

    /** Requests shown at first and added by each "load more". */
    public static final int ENTRY_STEP = 200;

    /** Audit entries shown at most; older ones are reached by narrowing the dates. */
    public static final int AUDIT_LIMIT = 5000;

    private final HistoryService service;
    private final BackgroundRunner runner;
    private final Locale locale;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObjectProperty<Company> company = new SimpleObjectProperty<>();
    private final StringProperty type = new SimpleStringProperty();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();

    private final ObservableList<Company> companies = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty moreEntries = new SimpleBooleanProperty();
    private int entryLimit = ENTRY_STEP;

    private final ObservableList<SentIncident> incidents = FXCollections.observableArrayList();
    private final LongProperty incidentTotal = new SimpleLongProperty();
    private final LongProperty pageOffset = new SimpleLongProperty();

    private final ObjectProperty<SubmissionDetail> detail = new SimpleObjectProperty<>();
    private final StringProperty detailText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final ObservableList<AuditEntry> auditEntries = FXCollections.observableArrayList();

    private long entriesGeneration;
    private long incidentsGeneration;
    private long detailGeneration;

    public HistoryViewModel(HistoryService service, BackgroundRunner runner, Locale locale) {
        this.service = service;
        this.runner = runner;
        this.locale = locale;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The month in which requests were sent, or null for all. */
    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObjectProperty<Company> companyProperty() {
        return company;
    }

    /** The incident type code, or null for all. */
    public StringProperty typeProperty() {
        return type;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public ObservableList<Company> companies() {
        return companies;
    }

    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    /** Whether more requests exist than are shown. */
    public ReadOnlyBooleanProperty moreEntriesProperty() {
        return moreEntries;
    }

    public ObservableList<SentIncident> incidents() {
        return incidents;
    }

    public ReadOnlyLongProperty incidentTotalProperty() {
        return incidentTotal;
    }

    public ReadOnlyLongProperty pageOffsetProperty() {
        return pageOffset;
    }

    public ReadOnlyObjectProperty<SubmissionDetail> detailProperty() {
        return detail;
    }

    /** A line describing the selected request or empty report. */
    public ReadOnlyStringProperty detailTextProperty() {
        return detailText;
    }

    /** The last result or problem to tell the clerk, in the clerk's language. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<AuditEntry> auditEntries() {
        return auditEntries;
    }

    public HistoryQuery query() {
        String text = searchText.get() == null || searchText.get().isBlank() ? null : searchText.get().strip();
        Company chosen = company.get();
        return new HistoryQuery(text, chosen == null ? null : chosen.id(), type.get(), month.get(), outcome.get());
    }

    /** Loads the companies for the filter, then both lists. */
    public void start() {
        runner.run(progress -> service.companies(), found -> {
            companies.setAll(found);
            reload();
        }, this::failed);
    }

    /** Reloads both lists from the first page, after a change of search text or filters. */
    public void reload() {
        entryLimit = ENTRY_STEP;
        pageOffset.set(0);
        loadEntries();
        loadIncidents();
    }

    public void resetFilters() {
        searchText.set("");
        month.set(null);
        company.set(null);
        type.set(null);
        outcome.set(null);
        reload();
    }

    public void loadMoreEntries() {
        entryLimit += ENTRY_STEP;
        loadEntries();
    }

    private void loadEntries() {
        long requestNumber = ++entriesGeneration;
        HistoryQuery query = query();
        int limit = entryLimit;
        busy.set(true);
        runner.run(progress -> service.entries(query, limit + 1), found -> {
            if (requestNumber != entriesGeneration) {
                return;
            }
            busy.set(false);
            moreEntries.set(found.size() > limit);
            entries.setAll(found.size() > limit ? found.subList(0, limit) : found);
        }, this::failed);
    }

    public void nextPage() {
        if (pageOffset.get() + PAGE_SIZE < incidentTotal.get()) {
            pageOffset.set(pageOffset.get() + PAGE_SIZE);
            loadIncidents();
        }
    }

    public void previousPage() {
        if (pageOffset.get() > 0) {
            pageOffset.set(Math.max(0, pageOffset.get() - PAGE_SIZE));
            loadIncidents();
        }
    }

    private void loadIncidents() {
        long requestNumber = ++incidentsGeneration;
        HistoryQuery query = query();
        int offset = (int) pageOffset.get();
        busy.set(true);
        runner.run(progress -> new IncidentPage(service.incidents(query, PAGE_SIZE, offset),
                service.countIncidents(query)), page -> {
                    if (requestNumber != incidentsGeneration) {
                        return;
                    }
                    busy.set(false);
                    incidents.setAll(page.incidents());
                    incidentTotal.set(page.total());
                }, this::failed);
    }

    private record IncidentPage(List<SentIncident> incidents, long total) {
    }

    /** Returns "1–100 of 2,345" for the current page, or the text for an empty result. */
    public String pageInfo() {
        if (incidentTotal.get() == 0) {
            return Messages.format(locale, "history.page.empty");
        }
        long from = pageOffset.get() + 1;
        long to = Math.min(incidentTotal.get(), pageOffset.get() + PAGE_SIZE);
        return Messages.format(locale, "history.page.info", from, to, incidentTotal.get());
    }

    /** Shows the selected request's incidents and bodies, or the empty report's outcome. */
    public void select(HistoryEntry entry) {
        long requestNumber = ++detailGeneration;
        if (entry == null) {
            detail.set(null);
            detailText.set(Messages.format(locale, "history.detail.none"));
            return;
        }
        if (entry.kind() == HistoryEntry.Kind.EMPTY_REPORT) {
            detail.set(null);
            runner.run(progress -> service.emptyReport(entry.companyId(), entry.id()), found -> {
                if (requestNumber == detailGeneration) {
                    detailText.set(describeEmptyReport(entry, found.orElse(null)));
                }
            }, this::failed);
            return;
        }
        runner.run(progress -> service.detail(entry.id()), found -> {
            if (requestNumber != detailGeneration) {
                return;
            }
            detail.set(found.orElse(null));
            detailText.set(Messages.format(locale, "history.detail.title", entry.id(), entry.companyName(),
                    entry.careflexId(), HistoryFormat.dateTime(entry.sentAt(), service.zone())));
        }, this::failed);
    }

    private String describeEmptyReport(HistoryEntry entry, EmptyReport report) {
        String text = Messages.format(locale, "history.detail.emptyReport",
                HistoryFormat.month(entry.reportMonth(), locale), entry.companyName(),
                HistoryFormat.outcome(entry.outcome(), locale));
        if (report != null && report.errorText() != null) {
            text += "\n" + Messages.format(locale, "history.detail.error", report.errorText());
        }
        return text;
    }

    /**
     * Builds the receipt PDF of a request in the background and hands its
     * bytes to {@code onReady}; when none can be built, the message gives the reason.
     */
    public void buildReceipt(long submissionId, Consumer<byte[]> onReady) {
        runner.run(progress -> {
            Receipt receipt = service.receipt(submissionId);
            return new ReceiptPdf(locale, service.zone()).write(receipt, Instant.now());
        }, onReady, error -> {
            if (error instanceof ReceiptUnavailableException unavailable) {
                message.set(Messages.format(locale, unavailable.messageKey()));
            } else {
                failed(error);
            }
        });
    }

    /** Writes the receipt PDF of a request to a file. */
    public void saveReceipt(long submissionId, Path file) {
        buildReceipt(submissionId, pdf -> runner.run(progress -> Files.write(file, pdf),
                written -> message.set(Messages.format(locale, "history.receipt.saved", file)),
                error -> {
                    LOG.warn("Saving a receipt to {} failed", file, error);
                    message.set(Messages.format(locale, "history.receipt.saveFailed", file));
                }));
    }

    /** Exports every sent incident that fits the current filters, as CSV or Excel by the file's extension. */
    public void exportIncidents(Path file) {
        HistoryQuery query = query();
        boolean excel = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        busy.set(true);
        runner.run(progress -> {
            List<SentIncident> all = service.allIncidents(query, (done, total) -> progress.update(done, total, ""));
            HistoryExport export = new HistoryExport(locale, service.zone());
            try (OutputStream out = Files.newOutputStream(file)) {
                if (excel) {
                    export.writeIncidentsXlsx(all, out);
                } else {
                    export.writeIncidentsCsv(all, out);
                }
            }
            return all.size();
        }, count -> {
            busy.set(false);
            message.set(Messages.format(locale, "history.export.done", count, file));
        }, error -> {
            busy.set(false);
            LOG.warn("Exporting sent incidents to {} failed", file, error);
            message.set(Messages.format(locale, "history.export.failed", file));
        });
    }

    /** Creates a draft from a sent incident; {@code onCreated} runs on success, for example to tell other screens. */
    public void copyAsDraft(SentIncident incident, Runnable onCreated) {
        if (incident == null) {
            message.set(Messages.format(locale, "history.copy.none"));
            return;
        }
        runner.run(progress -> service.copyAsDraft(incident.stored().id()), draftId -> {
            String reference = incident.stored().incidentId() != null ? incident.stored().incidentId()
                    : Long.toString(incident.stored().id());
            message.set(Messages.format(locale, "history.copy.done", reference));
            onCreated.run();
        }, this::failed);
    }

    /**
     * Loads the audit log filtered by action and object type (exact, blank
     * for all) and by day; {@code fromText} and {@code toText} are German
     * dates, both days included. An invalid date leaves the list as it is and
     * names the field in the message.
     */
    public void loadAudit(String action, String objectType, String fromText, String toText) {
        LocalDate today = LocalDate.now(service.zone());
        Instant from = null;
        Instant to = null;
        if (fromText != null && !fromText.isBlank()) {
            DateText.Result parsed = DateText.parse(fromText, DateText.Kind.NEAR_TODAY, today);
            if (!parsed.ok()) {
                message.set(Messages.format(locale, "history.audit.invalidDate", fromText,
                        Messages.format(locale, "history.audit.filter.from")));
                return;
            }
            from = parsed.date().atStartOfDay(service.zone()).toInstant();
        }
        if (toText != null && !toText.isBlank()) {
            DateText.Result parsed = DateText.parse(toText, DateText.Kind.NEAR_TODAY, today);
            if (!parsed.ok()) {
                message.set(Messages.format(locale, "history.audit.invalidDate", toText,
                        Messages.format(locale, "history.audit.filter.to")));
                return;
            }
            to = parsed.date().plusDays(1).atStartOfDay(service.zone()).toInstant();
        }
        AuditLog.Filter filter = new AuditLog.Filter(blankToNull(action), blankToNull(objectType), null, from, to,
                AUDIT_LIMIT, 0);
        runner.run(progress -> service.audit(filter), found -> {
            auditEntries.setAll(found);
            message.set(Messages.format(locale, "history.audit.count", found.size()));
        }, this::failed);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Writes the audit entries shown to a CSV file. */
    public void exportAudit(Path file) {
        List<AuditEntry> shown = List.copyOf(auditEntries);
        runner.run(progress -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                new HistoryExport(locale, service.zone()).writeAuditCsv(shown, out);
            }
            return shown.size();
        }, count -> message.set(Messages.format(locale, "history.audit.exported", count, file)), error -> {
            LOG.warn("Exporting the audit log to {} failed", file, error);
            message.set(Messages.format(locale, "history.export.failed", file));
        });
    }

    public void setMessage(String text) {
        message.set(text);
    }

    private void failed(Throwable error) {
        busy.set(false);
        LOG.error("Loading the history failed", error);
        String cause = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message.set(Messages.format(locale, "history.loadFailed", cause));
    }
}
