package reprolab.gui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Starts the app as a user would, in a real GTK window on an X server (Xvfb, not Monocle), in a child
 * JVM with this test's classpath, and keeps the PNG it draws of itself in {@code target/screenshots/}.
 */
class XvfbScreenshotTest {

    /** What {@code ./reprolab} runs: with no command it opens the window. */
    private static final String APP_MAIN = "reprolab.cli.Main";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final int FIRST_DISPLAY = 91;
    private static final int LAST_DISPLAY = 190;
    private Process xvfb;

    @TempDir
    Path data;

    @AfterEach
    void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theAppOpensInARealWindowAndWritesAScreenshot() throws Exception {
        int display = startXvfb();
        Path png = SHOTS.resolve("main-window.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Process app = startApp(display, png);
        Path log = data.resolve("app.log");
        if (!app.waitFor(120, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            fail("the app did not write its screenshot within 120 s; its output:\n" + Files.readString(log));
        }
        assertEquals(0, app.exitValue(), "the app failed; its output:\n" + Files.readString(log));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 1200 && image.getHeight() >= 800,
                "a window of a useful size, got " + image.getWidth() + "x" + image.getHeight());
        assertTrue(distinctColours(image) > 50, "the window has drawn its controls, not a blank surface");
    }

    /** Starts Xvfb on the first free display from :91, so parallel builds on one machine do not collide. */
    private int startXvfb() throws IOException, InterruptedException {
        String binary = findOnPath("Xvfb");
        if (binary == null) {
            fail("Xvfb is not installed, so the app cannot be started in a real window. Install it with "
                    + "'apt-get install -y xvfb xauth libgtk-3-0' (.ci/run does this).");
        }
        for (int n = FIRST_DISPLAY; n <= LAST_DISPLAY; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            Process p = new ProcessBuilder(binary, ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(data.resolve("xvfb-" + n + ".log").toFile()).start();
            if (waitForSocket(p, Path.of("/tmp/.X11-unix/X" + n))) {
                xvfb = p;
                return n;
            }
            p.destroy();
        }
        throw new IllegalStateException("no free X display between :" + FIRST_DISPLAY + " and :" + LAST_DISPLAY);
    }

    private static boolean waitForSocket(Process p, Path socket) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(socket)) {
                return true;
            }
            if (!p.isAlive()) {
                return false; // another server took the display first
            }
            Thread.sleep(50);
        }
        return false;
    }

    private Process startApp(int display, Path png) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Dprism.order=sw", "-Dglass.platform=gtk",
                "-Djdk.gtk.version=3", "-Dreprolab.data=" + data.resolve("experiments"),
                "-D" + Screenshot.PROPERTY + "=" + png,
                "-cp", System.getProperty("java.class.path"), APP_MAIN));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("app.log").toFile());
        builder.environment().put("DISPLAY", ":" + display);
        builder.environment().remove("WAYLAND_DISPLAY");
        return builder.start();
    }

    private static String findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
