package de.meldedesk.app;

import de.meldedesk.ui.common.ViewLoader;
import de.meldedesk.ui.main.MainWindowController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Creates FXML controllers with their dependencies. A controller under
 * {@code de.meldedesk.ui} gets the {@link AppContext} through a constructor
 * that takes it; one without such a constructor is a programming error and
 * fails loudly.
 */
final class ControllerFactory implements ViewLoader {

    private final AppContext context;

    ControllerFactory(AppContext context) {
        this.context = context;
    }

    Object create(Class<?> type) {
        if (type == MainWindowController.class) {
            return new MainWindowController(context.locale(), this, context.workspace(), context.paths().dataDir());
        }
        if (!type.getName().startsWith("de.meldedesk.ui.")) {
            throw new IllegalArgumentException("no controller registered for " + type.getName());
        }
        try {
            Constructor<?> constructor = type.getConstructor(AppContext.class);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a public constructor taking AppContext", e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create controller " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("controller " + type.getName() + " failed to start", e.getCause());
        }
    }

    @Override
    public Parent load(String fxmlPath) {
        URL url = ControllerFactory.class.getResource(fxmlPath);
        if (url == null) {
            throw new IllegalStateException("view not found: " + fxmlPath);
        }
        FXMLLoader loader = new FXMLLoader(url, de.meldedesk.i18n.Messages.bundle(context.locale()));
        loader.setControllerFactory(this::create);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("view " + fxmlPath + " failed to load", e);
        }
    }
}
