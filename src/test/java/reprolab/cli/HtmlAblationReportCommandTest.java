package reprolab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code report DIR --html FILE} on a real ablation folder: {@code ablate} with 2 factors (weightInit, dropout),
 * 2 repeats each, on the tiny model (3 groups x 2 runs of 4 updates on 200 digits, as AblationRunTest trains).
 */
class HtmlAblationReportCommandTest {

    @TempDir
    static Path dir;
    private static Path folder;
    private static String html;

    @BeforeAll
    static void reportARealAblation() throws Exception {
        Path spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\": \"html ablation\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50}}");
        CliCapture ablate = CliCapture.run("ablate", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--factors", "weightInit,dropout", "--out", dir.resolve("store").toString());
        assertEquals(Main.EXIT_OK, ablate.exit(), ablate.out() + ablate.err());
        folder = CliCapture.onlyFolder(dir.resolve("store"));
        Path page = dir.resolve("ablation.html");
        CliCapture report = CliCapture.run("report", folder.toString(), "--html", page.toString());
        assertEquals(Main.EXIT_OK, report.exit(), report.err());
        html = Files.readString(page);
    }

    @Test
    void theFactorTableSaysWhichFactorBreaksReproducibilityAndWhereItFirstDiverges() {
        assertTrue(html.contains("<h2 id=\"ablation\">"), "an ablation section");
        assertRow("baseline", "keeps it</td><td>-</td>");
        assertRow("weightInit", "breaks it</td><td>iteration 0, ");
        assertRow("dropout", "breaks it</td><td>iteration 1, ");
        assertTrue(html.contains("in 3 ablation groups"), "the verdict counts the groups");
    }

    @Test
    void theCommandsReproduceTheAblationAndReplayEachOfItsRuns() throws Exception {
        assertTrue(html.contains("./reprolab ablate experiment.json --repeats 2 --factors weightInit,dropout"), html);
        List<Path> runs;
        try (Stream<Path> files = Files.walk(folder)) {
            runs = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList();
        }
        assertEquals(6, runs.size(), "3 groups x 2 runs: " + runs);
        for (Path run : runs) {
            String replay = "./reprolab replay " + folder.getFileName() + "/" + folder.relativize(run);
            assertTrue(html.contains(replay), "no replay command for " + run + ": " + replay);
        }
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        for (String outside : List.of("http", "src=", "href=", "url(")) {
            assertFalse(html.contains(outside), "the page refers to " + outside);
        }
    }

    /** The factor's row in the ablation table: its name cell, its description, then {@code rest}. */
    private static void assertRow(String factor, String rest) {
        Pattern row = Pattern.compile("<tr><td>" + Pattern.quote(factor) + "</td><td>[^<]*</td><td>" + Pattern.quote(rest));
        assertTrue(row.matcher(html).find(), "no row '" + factor + " ... " + rest + "' in " + ablationTable());
    }

    private static String ablationTable() {
        int start = html.indexOf("<h2 id=\"ablation\">");
        return start < 0 ? "(no ablation section)" : html.substring(start, html.indexOf("</table>", start));
    }
}
