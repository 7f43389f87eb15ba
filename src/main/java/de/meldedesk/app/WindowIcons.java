package de.meldedesk.app;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Meldedesk icon in every rendered size, for the title bar, the task bar and
 * the window switcher. icons/generate.sh writes the PNGs from the SVG master.
 */
final class WindowIcons {

    private static final Logger LOG = LoggerFactory.getLogger(WindowIcons.class);

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private WindowIcons() {
    }

    /** Loads every size found on the class path. A missing or unreadable file is logged and left out. */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            String name = "/de/meldedesk/icons/meldedesk-" + size + ".png";
            URL url = WindowIcons.class.getResource(name);
            if (url == null) {
                LOG.warn("Window icon {} not found on the class path", name);
                continue;
            }
            Image image = new Image(url.toExternalForm());
            if (image.isError()) {
                LOG.warn("Window icon {} could not be read", name, image.getException());
                continue;
            }
            icons.add(image);
        }
        return icons;
    }
}
