package de.meldedesk.ui.settings;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a folder in the system's file manager. Blocks until the request is handed over; call it off the UI thread. */
@FunctionalInterface
public interface FolderOpener {

    void open(Path folder) throws IOException;

    /**
     * Returns the opener of this system: {@link Desktop} where AWT may open
     * windows, otherwise {@code xdg-open} (Linux), {@code open} (macOS) or
     * {@code explorer} (Windows) started as a separate process.
     */
    static FolderOpener system() {
        return folder -> {
            Logger log = LoggerFactory.getLogger(FolderOpener.class);
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String command = os.contains("win") ? "explorer" : os.contains("mac") ? "open" : "xdg-open";
            log.info("Opening folder {} with {}", folder, command);
            new ProcessBuilder(List.of(command, folder.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        };
    }
}
