package de.meldedesk.ui.common;

import de.meldedesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows unexpected errors: a plain message and a short reference for support,
 * with the technical details folded away and copyable. Expected problems (a
 * wrong field, a rejected row) are shown where they happen instead.
 */
public final class ErrorReporter {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    private final Locale locale;
    private Window owner;

    public ErrorReporter(Locale locale) {
        this.locale = locale;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** Routes every uncaught exception of every thread to this reporter. */
    public void installAsDefaultHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> report(error));
    }

    /** Logs the error with a reference and shows it; safe to call from any thread. */
    public void report(Throwable error) {
        String reference = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMdd-HHmm"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF)).toUpperCase(Locale.ROOT);
        LOG.error("Unexpected error, reference {}", reference, error);
        if (Platform.isFxApplicationThread()) {
            show(reference, error);
        } else {
            Platform.runLater(() -> show(reference, error));
        }
    }

    private void show(String reference, Throwable error) {
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle(Messages.format(locale, "error.unexpected.title"));
            alert.setHeaderText(Messages.format(locale, "error.unexpected.header"));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            String details = "Reference " + reference + "\n" + trace;

            Label text = new Label(Messages.format(locale, "error.unexpected.text", reference));
            text.setWrapText(true);
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(false);
            VBox.setVgrow(area, Priority.ALWAYS);
            alert.getDialogPane().setContent(text);
            alert.getDialogPane().setExpandableContent(new VBox(area));

            ButtonType copy = new ButtonType(Messages.format(locale, "error.unexpected.copy"));
            alert.getButtonTypes().setAll(copy, ButtonType.CLOSE);
            alert.showAndWait().filter(copy::equals).ifPresent(b -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(details);
                Clipboard.getSystemClipboard().setContent(content);
            });
        } catch (RuntimeException e) {
            LOG.error("The error dialog itself failed", e);
        }
    }
}
