package de.meldedesk.ui.main;

import de.meldedesk.persistence.Settings;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers and restores the main window's size and position. A stored
 * placement is used only when a large enough part of the window would lie on
 * a screen that exists now, so the window never opens out of reach after a
 * monitor was removed.
 */
public final class WindowPlacement {

    /** Smallest window size restored, in pixels, so a stored tiny window does not come back. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;
    /** Part of the title bar that must be visible on some screen, in pixels. */
    private static final double VISIBLE_MARGIN = 80;

    private WindowPlacement() {
    }

    /** Returns the stored placement fitted to the screens, or empty when it cannot be shown on any of them. */
    public static Optional<Settings.Window> fit(Settings.Window stored, List<Rectangle2D> screens) {
        if (stored == null || screens.isEmpty() || !(stored.width() > 0) || !(stored.height() > 0)) {
            return Optional.empty();
        }
        for (Rectangle2D screen : screens) {
            Rectangle2D titleBar = new Rectangle2D(stored.x(), stored.y(), Math.max(1, stored.width()), 30);
            boolean reachable = titleBar.intersects(screen)
                    && Math.min(titleBar.getMaxX(), screen.getMaxX()) - Math.max(titleBar.getMinX(), screen.getMinX())
                    >= Math.min(VISIBLE_MARGIN, stored.width());
            if (!reachable) {
                continue;
            }
            double width = clamp(stored.width(), Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth());
            double height = clamp(stored.height(), Math.min(MIN_HEIGHT, screen.getHeight()), screen.getHeight());
            double x = clamp(stored.x(), screen.getMinX(), screen.getMaxX() - width);
            double y = clamp(stored.y(), screen.getMinY(), screen.getMaxY() - height);
            return Optional.of(new Settings.Window(x, y, width, height, stored.maximized()));
        }
        return Optional.empty();
    }

    /** Applies a stored placement to the stage when it fits one of the current screens. */
    public static void restore(Stage stage, Settings.Window stored) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        fit(stored, screens).ifPresent(window -> {
            stage.setX(window.x());
            stage.setY(window.y());
            stage.setWidth(window.width());
            stage.setHeight(window.height());
            stage.setMaximized(window.maximized());
        });
    }

    /** Returns the stage's placement; a maximized window keeps its last normal size for the next start. */
    public static Settings.Window capture(Stage stage, Settings.Window previous) {
        if (stage.isMaximized() && previous != null) {
            return new Settings.Window(previous.x(), previous.y(), previous.width(), previous.height(), true);
        }
        return new Settings.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
