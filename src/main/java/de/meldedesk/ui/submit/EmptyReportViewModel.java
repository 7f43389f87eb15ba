package de.meldedesk.ui.submit;

import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.RequestOutcome;
import de.meldedesk.remote.RequestResult;
import de.meldedesk.service.EmptyReportService;
import de.meldedesk.service.SubmissionService;
import de.meldedesk.ui.common.BackgroundRunner;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly overview of the empty report ("Leermeldung"): per company
 * whether incidents or an empty report went out for the chosen month, and
 * sending an empty report for one company.
 */
public final class EmptyReportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EmptyReportViewModel.class);

    private final EmptyReportService emptyReports;
    private final SubmissionService.ApiTokens apiTokens;
    private final BackgroundRunner runner;
    private final Locale locale;

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<EmptyReportService.MonthLine> lines = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public EmptyReportViewModel(EmptyReportService emptyReports, SubmissionService.ApiTokens apiTokens,
                                BackgroundRunner runner, Locale locale, Clock clock) {
        this.emptyReports = emptyReports;
        this.apiTokens = apiTokens;
        this.runner = runner;
        this.locale = locale;
        this.month.set(previousMonth(clock));
    }

    /** Returns the month before the current one, which the monthly duty is usually about. */
    public static YearMonth previousMonth(Clock clock) {
        return YearMonth.now(clock).minusMonths(1);
    }

    public ObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ObservableList<EmptyReportService.MonthLine> lines() {
        return lines;
    }

    /** The outcome of the last action in the clerk's words. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Reads the overview of the chosen month in the background. */
    public void load() {
        YearMonth chosen = month.get();
        busy.set(true);
        runner.run(p -> emptyReports.overview(chosen), loaded -> {
            busy.set(false);
            if (chosen.equals(month.get())) {
                lines.setAll(loaded);
            }
        }, failure -> {
            busy.set(false);
            LOG.warn("Loading the empty-report overview for {} failed", chosen, failure);
            message.set(Messages.format(locale, "submit.empty.error.load"));
        });
    }

    /** Returns the state of a line in the clerk's words. */
    public String describe(EmptyReportService.MonthLine line) {
        return Messages.format(locale, "submit.empty.state." + line.state().name(), line.incidentsSent());
    }

    /** Reads in the background why an empty report may be wrong; the texts arrive in the clerk's words. */
    public void warnings(Company company, Consumer<List<String>> onWarnings) {
        YearMonth chosen = month.get();
        runner.run(p -> emptyReports.warnings(company, chosen), keys -> {
            List<String> texts = new ArrayList<>();
            keys.forEach(key -> texts.add(Messages.format(locale, key)));
            onWarnings.accept(texts);
        }, failure -> {
            LOG.warn("Checking the empty report of company {} failed", company.careflexId(), failure);
            message.set(Messages.format(locale, "submit.empty.error.load"));
        });
    }

    /** Sends the empty report of a company for the chosen month in the background, then reloads. */
    public void send(CareflexClient client, String profileName, Company company, Runnable onDone) {
        YearMonth chosen = month.get();
        busy.set(true);
        message.set("");
        runner.run(p -> {
            Optional<String> token = apiTokens.forCompany(company);
            if (token.isEmpty()) {
                return Optional.<RequestResult>empty();
            }
            return Optional.of(emptyReports.send(client, profileName, company, chosen, token.get()));
        }, result -> {
            busy.set(false);
            if (result.isEmpty()) {
                message.set(Messages.format(locale, "submit.empty.noApiToken", company.name()));
            } else if (result.get().outcome() == RequestOutcome.ACCEPTED) {
                message.set(Messages.format(locale, "submit.empty.sent", company.name(), formatMonth(chosen),
                        result.get().importId() == null ? "-" : result.get().importId()));
            } else {
                message.set(Messages.format(locale, "submit.empty.failed", company.name(),
                        result.get().describe(locale)));
            }
            load();
            onDone.run();
        }, failure -> {
            busy.set(false);
            LOG.error("Sending the empty report of company {} failed", company.careflexId(), failure);
            message.set(Messages.format(locale, "submit.empty.error.send", company.name()));
            onDone.run();
        });
    }

    /** Formats a month as the clerk reads it, e.g. "März 2026". */
    public String formatMonth(YearMonth value) {
        return value.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Messages.supported(locale)));
    }
}
