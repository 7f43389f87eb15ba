package de.meldedesk.ui.common;

import de.meldedesk.remote.CareflexClient;
import de.meldedesk.remote.TokenStatus;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State that several screens share, changed only on the JavaFX thread: the
 * active connection profile, the signed-in client and its token, the number
 * of ready drafts, and a counter that screens raise after they change drafts
 * so that others reload.
 */
public final class Workspace {

    private final StringProperty activeProfile = new SimpleStringProperty("Sandbox");
    private final ObjectProperty<CareflexClient> client = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenStatus> tokenStatus = new SimpleObjectProperty<>(TokenStatus.SIGNED_OUT);
    private final IntegerProperty readyCount = new SimpleIntegerProperty();
    private final IntegerProperty draftsVersion = new SimpleIntegerProperty();
    private Consumer<List<Long>> submitHandler = ids -> { };

    /** The name of the connection profile in use. */
    public StringProperty activeProfileProperty() {
        return activeProfile;
    }

    /** The client of the signed-in service user, or null while signed out. */
    public ObjectProperty<CareflexClient> clientProperty() {
        return client;
    }

    public ObjectProperty<TokenStatus> tokenStatusProperty() {
        return tokenStatus;
    }

    /** The number of drafts that are ready to send, for the status bar. */
    public IntegerProperty readyCountProperty() {
        return readyCount;
    }

    /** Raised by one after every change of drafts; screens that show drafts reload when it changes. */
    public IntegerProperty draftsVersionProperty() {
        return draftsVersion;
    }

    public void draftsChanged() {
        draftsVersion.set(draftsVersion.get() + 1);
    }

    /** Starts the review-and-send flow for the given incidents (store ids); the submit screen installs it. */
    public void requestSubmit(List<Long> incidentIds) {
        submitHandler.accept(incidentIds);
    }

    public void setSubmitHandler(Consumer<List<Long>> handler) {
        this.submitHandler = handler;
    }
}
