package de.meldedesk.ui.submit;

import de.meldedesk.app.AppContext;
import de.meldedesk.domain.Company;
import de.meldedesk.i18n.Messages;
import de.meldedesk.remote.CareflexClient;
import de.meldedesk.service.SubmissionService;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review-and-send flow of the app: sign in when needed, review, send,
 * results, and the empty reports. {@link #install} makes it the submit
 * handler of the workspace and shows the start reminder about missing empty
 * reports. Every method must be called on the JavaFX thread.
 */
public final class SubmitFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitFlow.class);

    private static SubmitFlow installed;

    private final AppContext context;
    private final Stage owner;
    private final Locale locale;
    private final SubmissionService.ApiTokens apiTokens;
    private final SubmitViewModel model;
    private SubmitWindow window;
    private SignInDialog signInDialog;
    private EmptyReportView emptyReportView;

    private SubmitFlow(AppContext context, Stage owner) {
        this.context = context;
        this.owner = owner;
        this.locale = context.locale();
        this.apiTokens = TokenOwners.fromVault(context.vault(), context.store().companies());
        this.model = new SubmitViewModel(context.submissions(), context.store(), apiTokens, context.workspace(),
                context.runner(), locale, context.clock());
    }

    /**
     * Installs the flow as the workspace's submit handler and schedules the
     * reminder about last month's missing empty reports. Call once after the
     * main window is shown.
     */
    public static SubmitFlow install(AppContext context, Stage owner) {
        SubmitFlow flow = new SubmitFlow(context, owner);
        context.workspace().setSubmitHandler(flow::submit);
        installed = flow;
        flow.remindOfMissingEmptyReports();
        return flow;
    }

    /** Returns the flow installed last, for screens that offer "send again" or the empty reports. */
    public static Optional<SubmitFlow> current() {
        return Optional.ofNullable(installed);
    }

    AppContext context() {
        return context;
    }

    /** Reviews and sends the given incidents (store ids), signing in first when no one is signed in. */
    public void submit(List<Long> incidentIds) {
        List<Long> ids = List.copyOf(incidentIds);
        withClient(client -> review(client, ids));
    }

    /**
     * Sends incidents again. Those of unknown outcome go out only after the
     * clerk confirmed the risk of a duplicate; the others as with {@link #submit}.
     */
    public void resend(List<Long> incidentIds) {
        List<Long> ids = List.copyOf(incidentIds);
        model.findUnknown(ids, unknown -> {
            if (unknown.isEmpty()) {
                submit(ids);
                return;
            }
            if (!confirmResendOfUnknown(unknown.size())) {
                LOG.info("Resend of {} incidents of unknown outcome not confirmed", unknown.size());
                return;
            }
            model.releaseConfirmed(unknown, System.getProperty("user.name", "clerk"), () -> submit(ids));
        });
    }

    /** Opens the monthly overview of the empty reports. */
    public void showEmptyReports() {
        if (emptyReportView == null) {
            EmptyReportViewModel emptyModel = new EmptyReportViewModel(context.emptyReports(), apiTokens,
                    context.runner(), locale, context.clock());
            Stage parent = window != null && window.isShowing() ? window.stage() : owner;
            emptyReportView = new EmptyReportView(emptyModel, locale, parent, company ->
                    withClient(client -> emptyModel.send(client, profileName(), company, () -> { })));
            emptyReportView.stage().setOnHidden(e -> emptyReportView = null);
        }
        emptyReportView.show();
    }

    /** Opens the sign-in dialog; {@code onSignedIn} runs after a successful sign-in. */
    public void signIn(Runnable onSignedIn) {
        SignInViewModel signInModel = new SignInViewModel(context.vault(), context.connections(),
                context.store().profiles(), context.store().companies(), context.workspace(), context.runner(),
                locale, Platform::runLater);
        javafx.stage.Window parent = window != null && window.isShowing() ? window.stage() : owner;
        signInDialog = new SignInDialog(signInModel, locale, parent);
        signInDialog.show(onSignedIn);
    }

    private void withClient(java.util.function.Consumer<CareflexClient> action) {
        CareflexClient client = context.workspace().clientProperty().get();
        if (client != null) {
            action.accept(client);
            return;
        }
        signIn(() -> action.accept(context.workspace().clientProperty().get()));
    }

    private void review(CareflexClient client, List<Long> ids) {
        if (window == null || !window.isShowing()) {
            window = new SubmitWindow(owner, locale, model);
        }
        model.reset();
        window.showWaiting("submit.review.planning");
        model.review(client, ids, () -> window.show(new ReviewPane(model, locale).build(
                () -> send(client), window::close)));
    }

    private void send(CareflexClient client) {
        window.show(new SendProgressPane(model, locale).build());
        model.send(client, profileName(), this::showResults);
    }

    private void showResults() {
        Parent results = new ResultsPane(model, locale, context.clock()).build(new ResultsPane.Actions(
                () -> resend(model.resendCandidates()),
                () -> signIn(() -> { }),
                this::showEmptyReports,
                window::close,
                this::showReceipt));
        window.show(results);
    }

    private void showReceipt(long submissionId) {
        model.loadReceipt(submissionId, submission -> {
            if (submission != null) {
                ReceiptDialog.show(submission, locale, context.clock().getZone(), window.stage());
            }
        });
    }

    private boolean confirmResendOfUnknown(int count) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(window != null && window.isShowing() ? window.stage() : owner);
        alert.setTitle(Messages.format(locale, "submit.unknown.title"));
        alert.setHeaderText(Messages.format(locale, "submit.unknown.header", count));
        alert.setContentText(Messages.format(locale, "submit.unknown.text"));
        ButtonType resendAnyway = new ButtonType(Messages.format(locale, "submit.unknown.confirm"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.format(locale, "submit.close.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(cancel, resendAnyway);
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(resendAnyway);
        confirmButton.setId("unknown-confirm");
        confirmButton.setDefaultButton(false);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("unknown-cancel");
        cancelButton.setDefaultButton(true);
        return alert.showAndWait().filter(resendAnyway::equals).isPresent();
    }

    private String profileName() {
        return context.workspace().activeProfileProperty().get();
    }

    /** Shows a bar at the top of the main window when companies lack last month's report or empty report. */
    private void remindOfMissingEmptyReports() {
        YearMonth month = EmptyReportViewModel.previousMonth(context.clock());
        context.runner().run(p -> context.emptyReports().missing(month), missing -> {
            if (missing.isEmpty()) {
                return;
            }
            LOG.info("{} companies have neither incidents nor an empty report for {}", missing.size(), month);
            showReminder(month, missing);
        }, failure -> LOG.warn("Checking the empty reports of {} failed", month, failure));
    }

    private void showReminder(YearMonth month, List<Company> missing) {
        if (owner.getScene() == null || !(owner.getScene().getRoot() instanceof BorderPane root)) {
            return;
        }
        String names = missing.stream().map(Company::name).collect(Collectors.joining(", "));
        String monthText = new EmptyReportViewModel(context.emptyReports(), apiTokens, context.runner(), locale,
                context.clock()).formatMonth(month);
        Label text = new Label(Messages.format(locale, "submit.reminder.text", monthText, names));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button open = new Button(Messages.format(locale, "submit.reminder.open"));
        open.setId("reminder-open");
        Button dismiss = new Button(Messages.format(locale, "submit.reminder.dismiss"));
        dismiss.setId("reminder-dismiss");
        HBox bar = new HBox(10, text, open, dismiss);
        bar.setId("empty-report-reminder");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("reminder-bar");
        bar.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: transparent transparent "
                + "-color-warning-muted transparent;");
        javafx.scene.Node previousTop = root.getTop();
        if (previousTop == null) {
            root.setTop(bar);
        } else {
            root.setTop(new VBox(previousTop, bar));
        }
        Runnable remove = () -> root.setTop(previousTop);
        open.setOnAction(e -> {
            remove.run();
            showEmptyReports();
        });
        dismiss.setOnAction(e -> remove.run());
    }
}
