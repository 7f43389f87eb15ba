package de.meldedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import de.meldedesk.app.AppPaths;
import de.meldedesk.domain.IncidentType;
import de.meldedesk.domain.IncidentTypeCatalogue;
import de.meldedesk.domain.MasterDataPart;
import de.meldedesk.domain.PartRule;
import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.IncidentTypeFile;
import de.meldedesk.persistence.SettingsStore;
import de.meldedesk.ui.common.SameThreadRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsModelTest {

    @TempDir
    Path dataDir;

    private SettingsStore settings;
    private final AtomicReference<IncidentTypeCatalogue> catalogue =
            new AtomicReference<>(IncidentTypeCatalogue.builtIn());
    private final List<Path> opened = new ArrayList<>();
    private SettingsModel model;

    @BeforeEach
    void create() {
        settings = new SettingsStore(new AppPaths(dataDir).storePaths());
        model = new SettingsModel(settings, new IncidentTypeFile(dataDir), catalogue::get, catalogue::set, dataDir,
                opened::add, new SameThreadRunner(), Messages.GERMAN);
    }

    private void fillType(String code) {
        model.codeProperty().set(code);
        model.labelDeProperty().set("Austritt");
        model.labelEnProperty().set("Leaver");
        model.rule(MasterDataPart.JOB).set(PartRule.REQUIRED);
        model.rule(MasterDataPart.CONTACT).set(PartRule.NOT_USED);
    }

    @Test
    void languageIsSaved() {
        model.languageProperty().set("en");

        model.saveLanguage();

        assertThat(settings.load().language()).isEqualTo("en");
        assertThat(model.languageMessageProperty().get()).contains("English");
    }

    @Test
    void languageStartsAsCurrent() {
        assertThat(model.languageProperty().get()).isEqualTo("de");
    }

    @Test
    void catalogueShowsBuiltInTypes() {
        assertThat(model.types()).extracting(IncidentType::code).containsExactly("NEW", "SDB", "WIK");
    }

    @Test
    void addedTypeIsAppliedAndStored() {
        fillType("aus");

        model.addType();

        IncidentType added = catalogue.get().find("AUS").orElseThrow();
        assertThat(added.rule(MasterDataPart.JOB)).isEqualTo(PartRule.REQUIRED);
        assertThat(added.rule(MasterDataPart.CONTACT)).isEqualTo(PartRule.NOT_USED);
        assertThat(added.labelEn()).isEqualTo("Leaver");
        assertThat(model.types()).extracting(IncidentType::code).containsExactly("NEW", "SDB", "WIK", "AUS");
        assertThat(new IncidentTypeFile(dataDir).load()).containsExactly(added);
        assertThat(model.codeProperty().get()).isEmpty();
    }

    @Test
    void addedTypeSurvivesRestart() {
        fillType("AUS");
        model.addType();

        IncidentTypeCatalogue reloaded = IncidentTypeCatalogue.builtIn().withAll(new IncidentTypeFile(dataDir).load());

        assertThat(reloaded.find("AUS")).isPresent();
    }

    @Test
    void builtInCodeIsRejected() {
        fillType("new");

        assertThat(model.codeErrorProperty().get()).contains("eingebaut");
        assertThat(model.typeValidBinding().get()).isFalse();
    }

    @Test
    void codeWithSpaceIsRejected() {
        fillType("A B");

        assertThat(model.codeErrorProperty().get()).contains("A B");
    }

    @Test
    void missingGermanLabelIsRejected() {
        fillType("AUS");
        model.labelDeProperty().set(" ");

        model.addType();

        assertThat(model.labelErrorProperty().get()).isNotEmpty();
        assertThat(Files.exists(dataDir.resolve(IncidentTypeFile.FILE_NAME))).isFalse();
    }

    @Test
    void englishLabelDefaultsToGerman() {
        fillType("AUS");
        model.labelEnProperty().set("");

        model.addType();

        assertThat(catalogue.get().find("AUS").orElseThrow().labelEn()).isEqualTo("Austritt");
    }

    @Test
    void openFolderUsesOpener() {
        model.openDataFolder();

        assertThat(opened).containsExactly(dataDir);
    }

    @Test
    void failedOpenIsReported() {
        SettingsModel failing = new SettingsModel(settings, new IncidentTypeFile(dataDir), catalogue::get,
                catalogue::set, dataDir, folder -> {
                    throw new IOException("no file manager");
                }, new SameThreadRunner(), Messages.GERMAN);

        failing.openDataFolder();

        assertThat(failing.folderMessageProperty().get()).contains(dataDir.toString());
    }

    @Test
    void unreadableTypeFileIsIgnored() throws IOException {
        Files.writeString(dataDir.resolve(IncidentTypeFile.FILE_NAME), "[{\"code\": ");

        assertThat(new IncidentTypeFile(dataDir).load()).isEmpty();
        assertThat(dataDir.resolve(IncidentTypeFile.FILE_NAME + ".unreadable")).exists();
    }
}
