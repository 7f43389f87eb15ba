package de.meldedesk.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a scene to {@code target/screenshots/NAME.png} so a person can look at it. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path write(Scene scene, String name) {
        CompletableFuture<WritableImage> future = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                future.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        try {
            WritableImage image = future.get(30, TimeUnit.SECONDS);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            PixelReader reader = image.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    buffered.setRGB(x, y, reader.getArgb(x, y));
                }
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("snapshot of " + name + " failed", e);
        }
    }
}
