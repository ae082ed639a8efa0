package reprolab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.Json;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's profiler child as the bench starts it, on the tiny model: the kernels argument
 * picks whose kernels run, and {@code ops} adds ND4J's per-op dashboard on standard error while
 * standard output stays one JSON report.
 */
class ProfilerChildTest {

    private static final Path TINY = Path.of("sample-data", "experiments", "tiny.json");

    @Test
    void opsModeWritesTheOpDashboardToTheLogAndKeepsTheReportJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ops.out");
        Process p = ChildJvm.start(BenchMain.PROFILER, Workloads.execution(TINY), out, TINY.toString(), "1", "2",
                "dl4j", "ops");
        JsonNode report = Json.mapper().readTree(ChildJvm.await(p, out, 5));
        assertEquals("dl4j", report.get("kernels").asText());
        assertEquals(2, report.get("fitMs").size());
        String log = Files.readString(dir.resolve("ops.out.err"));
        assertTrue(log.contains("=== ND4J op profile: 20 fit calls"), log);
        assertTrue(log.contains("Time spent for long Op calls"), log);
        assertTrue(log.contains("conv2d_bp"), log);
        assertTrue(log.contains("adam_updater"), "DL4J's kernels: the native Adam op ran");
        assertTrue(log.contains("relu_bp"), "DL4J's kernels: the native ReLU backward ran");
    }

    @Test
    void withOurKernelsNeitherNativeAdamNorNativeReluBackwardRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ours.out");
        Process p = ChildJvm.start(BenchMain.PROFILER, Workloads.execution(TINY), out, TINY.toString(), "1", "2",
                "reprolab", "ops");
        assertEquals("reprolab", Json.mapper().readTree(ChildJvm.await(p, out, 5)).get("kernels").asText());
        String log = Files.readString(dir.resolve("ours.out.err"));
        assertTrue(log.contains("conv2d_bp"), log);
        assertFalse(log.contains("adam_updater"), log);
        assertFalse(log.contains("relu_bp"), log);
    }

    @Test
    void withoutOpsTheLogHasNoDashboardAndOurKernelsRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plain.out");
        Process p = ChildJvm.start(BenchMain.PROFILER, Workloads.execution(TINY), out, TINY.toString(), "1", "2",
                "reprolab");
        JsonNode report = Json.mapper().readTree(ChildJvm.await(p, out, 5));
        assertEquals("reprolab", report.get("kernels").asText());
        assertTrue(report.get("kernelSelfCheck").asText().startsWith("reprolab (self-check passed"),
                report.get("kernelSelfCheck").asText());
        assertFalse(Files.readString(dir.resolve("plain.out.err")).contains("ND4J op profile"));
    }

    @Test
    void phasesTimedInsideFitAreNeverNegativeAndAddUpToEachIteration(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("phases.out");
        Process p = ChildJvm.start(BenchMain.PROFILER, Workloads.execution(TINY), out, TINY.toString(), "2", "6",
                "reprolab");
        JsonNode report = Json.mapper().readTree(ChildJvm.await(p, out, 5));
        JsonNode fit = report.get("fitMs");
        assertEquals(6, fit.size());
        double peak = report.get("peakRssMb").asDouble();
        for (int k = 0; k < fit.size(); k++) {
            double sum = 0;
            for (String phase : IterationFigures.PHASES) {
                double ms = report.get(phase).get(k).asDouble();
                assertTrue(ms >= 0, phase + " of iteration " + k + " is " + ms);
                sum += ms;
            }
            assertEquals(fit.get(k).asDouble(), sum, 1e-6, "iteration " + k);
            assertTrue(report.get("forwardMs").get(k).asDouble() > 0, "the forward pass takes time");
            assertTrue(report.get("backwardMs").get(k).asDouble() > 0, "the backward pass takes time");
            double rss = report.get("rssMb").get(k).asDouble();
            assertTrue(rss > 50 && rss <= peak, "resident " + rss + " MiB, peak " + peak);
        }
    }
}
