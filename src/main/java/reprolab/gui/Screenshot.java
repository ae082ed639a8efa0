package reprolab.gui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import reprolab.run.AtomicFiles;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a PNG of the window and quits, when the app is started with {@code -Dreprolab.screenshot=FILE}
 * (optionally {@code -Dreprolab.screenshot.tab=Divergence} to show another tab first). Used by the
 * Xvfb test and for documentation: the app draws itself, so the picture does not depend on a window
 * manager or on a screen-grabbing tool.
 */
public final class Screenshot {

    /** The system property naming the PNG file to write. */
    public static final String PROPERTY = "reprolab.screenshot";
    /** Exit status when the screenshot could not be written. */
    public static final int FAILED = 3;
    /** Long enough for CSS, the first layouts and the history list to settle; charts draw on layout. */
    private static final Duration SETTLE = Duration.millis(1500);

    private Screenshot() {
    }

    /** The requested file, or null when the app runs normally. */
    public static Path requested() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** Once the scene has settled, snapshots it into {@code file} and exits the app (status 3 on failure). */
    public static void takeAndExit(Scene scene, TabPane tabs, Path file) {
        String tab = System.getProperty(PROPERTY + ".tab");
        if (tab != null) {
            tabs.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> {
            try {
                write(scene.snapshot(null), file);
                Platform.exit();
            } catch (IOException | RuntimeException failure) {
                // a logger, not System.err: only the CLI writes to the standard streams (LayeringTest)
                System.getLogger(Screenshot.class.getName()).log(System.Logger.Level.ERROR,
                        "reprolab: could not write the screenshot " + file + ": " + failure);
                System.exit(FAILED);
            }
        });
        settle.play();
    }

    /** Writes the image as a PNG, atomically (a reader never sees half a file). */
    static void write(WritableImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png)) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.write(file, png.toByteArray());
    }
}
