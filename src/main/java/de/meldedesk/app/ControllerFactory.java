package de.meldedesk.app;

import de.meldedesk.ui.main.MainWindowController;

/** Creates FXML controllers with their dependencies; an unknown controller is a programming error. */
final class ControllerFactory {

    private ControllerFactory() {
    }

    static Object create(Class<?> type, AppContext context) {
        if (type == MainWindowController.class) {
            return new MainWindowController(context.locale());
        }
        throw new IllegalArgumentException("no controller registered for " + type.getName());
    }
}
