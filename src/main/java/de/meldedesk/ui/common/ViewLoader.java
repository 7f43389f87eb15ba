package de.meldedesk.ui.common;

import javafx.scene.Parent;

/** Loads an FXML view with the app's bundle and controller factory. */
@FunctionalInterface
public interface ViewLoader {

    /**
     * Loads the view at a class-path location such as {@code /de/meldedesk/ui/history/HistoryView.fxml}.
     *
     * @throws IllegalStateException when the file is missing or does not load; a programming error
     */
    Parent load(String fxmlPath);
}
