package reprolab.report;

import org.junit.jupiter.api.Test;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.LayerStrip;
import reprolab.analysis.ProvenanceDiff;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    private static final List<String> LAYERS = List.of("dense_0", "output");

    @Test
    void pageSaysTheVerdictAndWhatDiffers() {
        ReportData data = data(run("run-0", 20, 42, -1), run("run-1", 20, 7, 3));
        String html = HtmlReport.render(data);
        assertTrue(html.contains(Html.escape(data.experiment().verdict())), html);
        assertTrue(data.experiment().verdict().startsWith("Runs differ from iteration 3"), data.experiment().verdict());
        assertTrue(html.contains("the weight init seed differs between runs (7, 42)"), html);
        assertTrue(html.contains("<td class=\"differ\">iteration 3, layer dense_0</td>"), html);
        assertTrue(html.contains("./reprolab replay tiny-folder/runs/run-1.jsonl"), html);
        assertTrue(html.contains("./reprolab run experiment.json --repeats 2"), html);
        assertTrue(html.contains("@media print"), "readable on paper");
    }

    @Test
    void pageLoadsNothingFromOutside() {
        String html = HtmlReport.render(data(run("run-0", 20, 42, -1), run("run-1", 20, 7, 3)));
        assertFalse(html.contains("http"), "no http reference");
        assertFalse(html.contains("src="), "no source loaded");
        assertFalse(html.contains("href="), "no link followed");
        assertFalse(html.contains("url("), "no style resource");
        assertFalse(html.contains("<script"), "readable without script");
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        byte[] first = HtmlReport.render(data(run("run-0", 50, 42, -1), run("run-1", 50, 7, 10)))
                .getBytes(StandardCharsets.UTF_8);
        byte[] second = HtmlReport.render(data(run("run-0", 50, 42, -1), run("run-1", 50, 7, 10)))
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(first, second);
    }

    @Test
    void longRunsAreThinnedForDrawingOnlyAndThePageSaysSo() {
        int iterations = 6000;
        ReportData data = data(run("run-0", iterations, 42, -1), run("run-1", iterations, 7, 4000));
        String html = HtmlReport.render(data);
        Matcher path = Pattern.compile("<path class=\"line\"[^>]* d=\"([^\"]*)\"").matcher(html);
        int lines = 0;
        while (path.find()) {
            lines++;
            int points = path.group(1).split("[ML]").length - 1;
            assertTrue(points <= SvgChart.MAX_DRAWN_POINTS, points + " points drawn");
        }
        assertTrue(lines >= 4, "two runs in two overlays, and the gap: " + lines);
        int cells = html.split("<rect class=\"cell ").length - 1;
        assertEquals(LAYERS.size() * HtmlReport.MAX_STRIP_COLUMNS, cells);
        assertTrue(html.contains("id=\"thinned\""), "the page says it thinned the drawing");
        assertTrue(html.length() < 400_000, "bounded size: " + html.length());
        // the analysis is not thinned: the divergence at 4000 is found exactly, and the strip's last column shows it
        assertTrue(html.contains("iteration 4000, layer dense_0"), "exact first divergence");
        assertTrue(html.contains("dense_0: differs from iteration 4000"), "exact per-layer divergence");
    }

    @Test
    void identicalRunsSayThereIsNoGapToPlot() {
        String html = HtmlReport.render(data(run("run-0", 10, 42, -1), run("run-1", 10, 42, -1)));
        assertTrue(html.contains("All 2 runs are bitwise identical."), html);
        assertTrue(html.contains("Nothing to plot: the runs' losses and parameter norms are equal"), html);
        assertTrue(html.contains("<td class=\"same\">identical</td>"), html);
    }

    @Test
    void logAxisTicksAtWholeDecades() {
        assertEquals(List.of(1e-3, 1e-2, 1e-1, 1.0), Axis.log(0.003, 0.5, 0, 100).ticks());
        Axis narrow = Axis.log(0.2, 0.3, 0, 100);
        assertEquals(List.of(0.1, 1.0), narrow.ticks(), "a range inside one decade still ticks at decades");
        assertEquals("1e-1", narrow.label(0.1));
    }

    // ---- hand-made runs: a run whose weight-init seed is `seed`, parting from the others at `divergeAt` ----

    private static ReportData data(RunHistory... runs) {
        List<RunHistory> list = List.of(runs);
        return new ReportData("tiny-folder", ExperimentSpec.defaults(), list, ExperimentAnalysis.analyse(list, 1e-6),
                new ProvenanceDiff(list).differences(), LayerStrip.of(list), null, null, null);
    }

    private static RunHistory run(String id, int iterations, long seed, int divergeAt) {
        ExperimentSpec spec = ExperimentSpec.defaults();
        Provenance provenance = new Provenance("hash", spec, new ResolvedSeeds(seed, 42, 42, 42),
                Map.of("hostname", "node-a"), "CpuBackend", "linux-x86_64", true, "test CPU", "Linux", "17",
                Map.of("dl4j", "1.0.0-M2.1"), LAYERS, iterations);
        List<IterationEvent> events = new ArrayList<>();
        for (int k = 0; k <= iterations; k++) {
            boolean apart = divergeAt >= 0 && k >= divergeAt;
            List<LayerFingerprint> layers = List.of(
                    new LayerFingerprint("dense_0", "d@" + k + (apart ? "x" : ""), 1.0 + (apart ? 0.01 * (k - divergeAt + 1) : 0)),
                    new LayerFingerprint("output", "o@" + k + (apart && k > divergeAt ? "x" : ""), 2.0));
            Double loss = k == 0 ? null : 2.0 / k + (apart ? 1e-4 * (k - divergeAt + 1) : 0);
            events.add(new IterationEvent(k, 0, loss, k == 0 ? null : 0.5, layers, "m@" + k + (apart ? "x" : ""), 0));
        }
        FinishedEvent finished = new FinishedEvent(events.get(iterations).modelHash(), iterations, 1000, 2.0, 0.3,
                divergeAt >= 0 ? 0.88 : 0.9, false, -1);
        return new RunHistory(id, new StartedEvent(id, provenance), events, List.of(), finished, null, List.of());
    }
}
