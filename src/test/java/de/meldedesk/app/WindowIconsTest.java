package de.meldedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class WindowIconsTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        // Decoding an Image needs the JavaFX toolkit, which Monocle provides headless.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadsEverySize() {
        assertThat(WindowIcons.load()).hasSize(WindowIcons.SIZES.length);
    }

    @Test
    void iconsAreSquareInTheirSize() {
        List<Image> icons = WindowIcons.load();

        for (int i = 0; i < icons.size(); i++) {
            int size = WindowIcons.SIZES[i];
            assertThat(icons.get(i).getWidth()).as("width of icon %d", size).isEqualTo(size);
            assertThat(icons.get(i).getHeight()).as("height of icon %d", size).isEqualTo(size);
        }
    }

    @Test
    void cornerIsTransparent() {
        Image icon = WindowIcons.load().get(WindowIcons.SIZES.length - 1);

        assertThat(icon.getPixelReader().getColor(0, 0).getOpacity()).isZero();
    }
}
