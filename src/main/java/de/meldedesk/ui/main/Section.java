package de.meldedesk.ui.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The screens of the main window, in navigation order. */
public enum Section {
    INCIDENTS("incidents", Material2OutlinedAL.ASSIGNMENT),
    EMPLOYEES("employees", Material2OutlinedMZ.PEOPLE),
    IMPORT("import", Material2OutlinedAL.FILE_UPLOAD),
    HISTORY("history", Material2OutlinedAL.HISTORY),
    COMPANIES("companies", Material2OutlinedAL.BUSINESS),
    SETTINGS("settings", Material2OutlinedMZ.SETTINGS);

    private final String id;
    private final Ikon icon;

    Section(String id, Ikon icon) {
        this.id = id;
        this.icon = icon;
    }

    /** Returns the stable id used for node ids and bundle keys, e.g. {@code nav.incidents}. */
    public String id() {
        return id;
    }

    public Ikon icon() {
        return icon;
    }

    /**
     * Returns the class-path location of the screen's FXML, by convention
     * {@code /de/meldedesk/ui/<id>/<Id>View.fxml}; a section whose file does
     * not exist yet shows a placeholder.
     */
    public String fxmlPath() {
        return "/de/meldedesk/ui/" + id + "/" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "View.fxml";
    }
}
