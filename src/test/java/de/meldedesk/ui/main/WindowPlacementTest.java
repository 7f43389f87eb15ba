package de.meldedesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.persistence.Settings;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1040));

    @Test
    void placementOnScreenIsKept() {
        Settings.Window stored = new Settings.Window(100, 50, 1280, 800, false);

        assertThat(WindowPlacement.fit(stored, ONE_SCREEN)).contains(stored);
    }

    @Test
    void placementOnRemovedScreenIsDropped() {
        Settings.Window stored = new Settings.Window(2500, 100, 1280, 800, false);

        assertThat(WindowPlacement.fit(stored, ONE_SCREEN)).isEmpty();
    }

    @Test
    void oversizedWindowIsShrunk() {
        Settings.Window stored = new Settings.Window(-20, 0, 3000, 2000, false);

        Optional<Settings.Window> fitted = WindowPlacement.fit(stored, ONE_SCREEN);

        assertThat(fitted).contains(new Settings.Window(0, 0, 1920, 1040, false));
    }

    @Test
    void tinyWindowIsEnlarged() {
        Settings.Window stored = new Settings.Window(10, 10, 100, 50, false);

        assertThat(WindowPlacement.fit(stored, ONE_SCREEN).orElseThrow().width()).isEqualTo(WindowPlacement.MIN_WIDTH);
    }

    @Test
    void secondScreenIsUsed() {
        List<Rectangle2D> screens = List.of(new Rectangle2D(0, 0, 1920, 1040), new Rectangle2D(1920, 0, 1280, 1000));
        Settings.Window stored = new Settings.Window(2000, 100, 1000, 700, true);

        assertThat(WindowPlacement.fit(stored, screens)).contains(stored);
    }

    @Test
    void missingPlacementGivesNothing() {
        assertThat(WindowPlacement.fit(null, ONE_SCREEN)).isEmpty();
    }
}
