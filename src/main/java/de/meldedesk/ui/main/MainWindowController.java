package de.meldedesk.ui.main;

import de.meldedesk.app.Version;
import de.meldedesk.i18n.Messages;
import de.meldedesk.remote.TokenStatus;
import de.meldedesk.ui.common.ViewLoader;
import de.meldedesk.ui.submit.SubmitFlow;
import de.meldedesk.ui.common.Workspace;
import java.nio.file.Path;
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
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window: a menu bar, navigation on the left (Ctrl+1 to Ctrl+6 choose
 * a section), the chosen screen in the middle, a status bar below.
 */
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
    private final Path dataDir;
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);

    @FXML
    private BorderPane root;
    @FXML
    private MenuBar menuBar;
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

    public MainWindowController(Locale locale, ViewLoader views, Workspace workspace, Path dataDir) {
        this.locale = locale;
        this.views = views;
        this.workspace = workspace;
        this.dataDir = dataDir;
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
            button.setTooltip(new javafx.scene.control.Tooltip(Messages.format(locale, "main.nav.shortcut",
                    Messages.format(locale, "nav." + section.id()), section.ordinal() + 1)));
            buttons.put(section, button);
            navigation.getChildren().add(button);
        }
        // A toggle group lets the user deselect the current button; keep one screen chosen.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });

        buildMenu();

        statusProfile.setGraphic(new FontIcon(Material2OutlinedAL.CLOUD_QUEUE));
        statusSignIn.setGraphic(new FontIcon(Material2OutlinedAL.LOCK));
        statusReady.setGraphic(new FontIcon(Material2OutlinedMZ.SEND));
        workspace.tokenStatusProperty().addListener((obs, old, now) -> markSignIn(now));
        markSignIn(workspace.tokenStatusProperty().get());
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

    private void buildMenu() {
        MenuItem importItem = item("main.menu.import", "menu-import",
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        importItem.setOnAction(e -> show(Section.IMPORT));
        MenuItem quit = item("main.menu.quit", "menu-quit",
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> quit());
        MenuItem signIn = item("main.menu.signIn", "menu-sign-in", null);
        signIn.setOnAction(e -> SubmitFlow.current().ifPresent(flow -> flow.signIn(() -> { })));
        MenuItem emptyReports = item("main.menu.emptyReports", "menu-empty-reports", null);
        emptyReports.setOnAction(e -> SubmitFlow.current().ifPresent(SubmitFlow::showEmptyReports));
        Menu file = new Menu(Messages.format(locale, "main.menu.file"), null,
                importItem, signIn, emptyReports, new SeparatorMenuItem(), quit);

        Menu go = new Menu(Messages.format(locale, "main.menu.go"));
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (Section section : Section.values()) {
            MenuItem item = new MenuItem(Messages.format(locale, "nav." + section.id()), new FontIcon(section.icon()));
            item.setId("menu-go-" + section.id());
            item.setMnemonicParsing(false);
            if (section.ordinal() < digits.length) {
                item.setAccelerator(new KeyCodeCombination(digits[section.ordinal()], KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> show(section));
            go.getItems().add(item);
        }

        MenuItem about = item("main.menu.about", "menu-about", null);
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(Messages.format(locale, "main.menu.help"), null, about);
        menuBar.getMenus().setAll(file, go, help);
    }

    private MenuItem item(String key, String id, KeyCombination accelerator) {
        MenuItem item = new MenuItem(Messages.format(locale, key));
        item.setId(id);
        item.setAccelerator(accelerator);
        return item;
    }

    private void markSignIn(TokenStatus status) {
        boolean signedIn = status != null && status.signedIn();
        statusSignIn.getStyleClass().removeAll("signed-in", "signed-out");
        statusSignIn.getStyleClass().add(signedIn ? "signed-in" : "signed-out");
        statusSignIn.setGraphic(new FontIcon(signedIn ? Material2OutlinedAL.LOCK_OPEN : Material2OutlinedAL.LOCK));
    }

    /** Closes the main window; the application ends with its last window and saves the window placement. */
    private void quit() {
        Window window = menuBar.getScene() == null ? null : menuBar.getScene().getWindow();
        if (window != null) {
            window.hide();
        }
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (menuBar.getScene() != null) {
            alert.initOwner(menuBar.getScene().getWindow());
        }
        alert.setTitle(Messages.format(locale, "main.about.title"));
        alert.setHeaderText(Messages.format(locale, "main.about.header", Version.get()));
        alert.setContentText(Messages.format(locale, "main.about.text", dataDir.toString()));
        alert.getDialogPane().setId("about-dialog");
        alert.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.show();
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
