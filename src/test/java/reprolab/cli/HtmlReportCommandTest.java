package reprolab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report DIR --html FILE} on real tiny runs (2 runs of 4 updates, weight-init seed off, so they
 * differ), and the page in a real browser: Debian's headless chromium, which CI installs.
 */
class HtmlReportCommandTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    private static Path folder;
    private static Path page;
    private static String verdict;

    @BeforeAll
    static void reportRealRuns() throws Exception {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\": \"html tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50}}");
        CliCapture check = CliCapture.run("check", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--set", "seeds.weightInit.enabled=false", "--set", "runs.snapshotEvery=2",
                "--out", dir.resolve("store").toString());
        assertEquals(Main.EXIT_DIFFERENT, check.exit(), check.out() + check.err());
        folder = CliCapture.onlyFolder(dir.resolve("store"));
        page = dir.resolve("report.html");
        CliCapture report = CliCapture.run("report", folder.toString(), "--html", page.toString());
        assertEquals(Main.EXIT_OK, report.exit(), report.err());
        verdict = Json.mapper().readTree(CliCapture.run("report", folder.toString(), "--json").out())
                .get("experiment").get("verdict").asText();
    }

    @Test
    void pageHoldsTheVerdictAndLoadsNothingFromOutside() throws Exception {
        String html = Files.readString(page);
        assertTrue(verdict.startsWith("Runs differ from iteration 0"), verdict);
        assertTrue(html.contains(escape(verdict)), html);
        assertTrue(html.contains("./reprolab replay " + folder.getFileName() + "/runs/run-01.jsonl"), html);
        assertTrue(html.contains("parameter distance (snapshots)"), "the runs wrote snapshots");
        for (String outside : List.of("http", "src=", "href=", "url(")) {
            assertFalse(html.contains(outside), "the page refers to " + outside);
        }
    }

    @Test
    void theSameFolderGivesTheSameBytes() throws Exception {
        Path again = dir.resolve("again.html");
        assertEquals(Main.EXIT_OK, CliCapture.run("report", folder.toString(), "--html", again.toString()).exit());
        assertArrayEquals(Files.readAllBytes(page), Files.readAllBytes(again));
    }

    @Test
    void chromiumDrawsThePageAndItsTextHoldsTheVerdict() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is needed (apt-get install chromium; .ci/run does)");
        Path shot = dir.resolve("shot.png");
        chromium("--screenshot=" + shot, "--window-size=1000,1400");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1000, image.getWidth());
        double variance = luminanceVariance(image);
        assertTrue(variance > 100, "the screenshot is (nearly) blank: luminance variance " + variance);

        String dom = chromium("--dump-dom");
        String text = unescape(dom.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ");
        assertTrue(text.contains(verdict), "the rendered text lacks the verdict: " + text);
    }

    /** Runs headless chromium on the page with its own profile folder; returns its stdout. */
    private static String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        command.add(page.toUri().toString());
        Path stdout = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.err")));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                squares += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
