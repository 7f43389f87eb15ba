package de.meldedesk.ui.main;

import de.meldedesk.i18n.Messages;
import de.meldedesk.ui.common.ViewLoader;
import de.meldedesk.ui.common.Workspace;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: navigation on the left, the chosen screen in the middle, a status bar below. */
public class MainWindowController {

    /**
     * Key in a screen root's {@code getProperties()} under which the Import
     * screen puts a {@code Consumer<Path>} that opens a file dropped anywhere
     * on the window.
     */
    public static final String OPEN_FILE_HANDLER = "meldedesk.openFileHandler";

    private final Locale locale;
    private final ViewLoader views;
    private final Workspace workspace;
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);

    @FXML
    private BorderPane root;
    @FXML
    private VBox navigation;
    @FXML
    private StackPane content;
    @FXML
    private Label statusProfile;
    @FXML
    private Label statusSignIn;
    @FXML
    private Label statusReady;

    public MainWindowController(Locale locale, ViewLoader views, Workspace workspace) {
        this.locale = locale;
        this.views = views;
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton(Messages.format(locale, "nav." + section.id()));
            button.setId("nav-" + section.id());
            button.setGraphic(new FontIcon(section.icon()));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setMnemonicParsing(false);
            button.setOnAction(e -> show(section));
            buttons.put(section, button);
            navigation.getChildren().add(button);
        }
        // A toggle group lets the user deselect the current button; keep one screen chosen.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        statusProfile.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format(locale, "status.profile", workspace.activeProfileProperty().get()),
                workspace.activeProfileProperty()));
        statusSignIn.textProperty().bind(Bindings.createStringBinding(
                () -> workspace.tokenStatusProperty().get().describe(locale, ZoneId.systemDefault()),
                workspace.tokenStatusProperty()));
        statusReady.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format(locale, "status.ready", workspace.readyCountProperty().get()),
                workspace.readyCountProperty()));
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
        show(Section.INCIDENTS);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    /** Switches to the Import screen and hands it the first dropped file. */
    @SuppressWarnings("unchecked")
    private void dragDropped(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (files.isEmpty()) {
            return;
        }
        show(Section.IMPORT);
        Object handler = screens.get(Section.IMPORT).getProperties().get(OPEN_FILE_HANDLER);
        if (handler instanceof Consumer<?> open) {
            ((Consumer<Path>) open).accept(files.get(0).toPath());
        }
        event.setDropCompleted(handler != null);
        event.consume();
    }

    /** Registers the screen shown for a section; sections without one show a short placeholder. */
    public void setScreen(Section section, Node screen) {
        screens.put(section, screen);
    }

    public void show(Section section) {
        buttons.get(section).setSelected(true);
        Node screen = screens.computeIfAbsent(section, this::load);
        content.getChildren().setAll(screen);
    }

    private Node load(Section section) {
        if (MainWindowController.class.getResource(section.fxmlPath()) == null) {
            return placeholder(section);
        }
        return views.load(section.fxmlPath());
    }

    private Node placeholder(Section section) {
        Label label = new Label(Messages.format(locale, "nav." + section.id() + ".placeholder"));
        label.setId("placeholder-" + section.id());
        label.setWrapText(true);
        label.getStyleClass().add("placeholder");
        return label;
    }
}
