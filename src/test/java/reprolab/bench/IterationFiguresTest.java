package reprolab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import reprolab.experiment.Json;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IterationFiguresTest {

    private static JsonNode raw(String extra) throws Exception {
        return Json.mapper().readTree("{\"threads\":1,\"nativeBuild\":\"linux-x86_64-onednn\",\"helpersActive\":true,"
                + "\"startupMs\":3000,\"fitMs\":[100,120,110],\"forwardMs\":[20,25,30],\"backwardMs\":[60,70,55],"
                + "\"updaterMs\":[15,20,20],\"otherMs\":[5,5,5],\"fingerprintMs\":[1,2,3]" + extra + "}");
    }

    @Test
    void eachPhaseIsSummarisedFromItsOwnSamples() throws Exception {
        Map<String, Object> figures = IterationFigures.from(raw(""), 5000);
        assertEquals(110.0, ((Stats) figures.get("iterationMs")).median());
        assertEquals(25.0, ((Stats) figures.get("forwardMs")).median());
        assertEquals(60.0, ((Stats) figures.get("backwardMs")).median());
        assertEquals(55.0, ((Stats) figures.get("backwardMs")).min());
        assertEquals(20.0, ((Stats) figures.get("updaterMs")).median());
        assertEquals(5.0, ((Stats) figures.get("otherMs")).median());
    }

    @Test
    void residentMemoryFiguresArePassedOnWhenTheProfilerReportsThem() throws Exception {
        Map<String, Object> figures = IterationFigures.from(raw(",\"rssMb\":[300.5,310,312.25],\"peakRssMb\":330,\"heapCommittedMb\":[64,70,72]"), 5000);
        assertEquals(300.5, figures.get("rssFirstMb"));
        assertEquals(312.25, figures.get("rssLastMb"));
        assertEquals(330.0, figures.get("peakRssMb"));
        String table = Table.render(Map.of("quick", false, "iterations", List.of(figures), "parallelRuns", List.of()));
        assertTrue(table.contains("resident memory, 1 thread(s): 300.5 MiB after the first measured iteration, 312.3 MiB"
                + " after the last (+11.8 over 3 iterations); peak 330.0 MiB"), table);
        assertTrue(table.contains("Java heap committed meanwhile: 64.0 -> 72.0 MiB (+8.0)"), table);
    }

    @Test
    void cacheModeAndBatchBuildingArePassedOnWhenTheProfilerReportsThem() throws Exception {
        Map<String, Object> figures = IterationFigures.from(raw(",\"cacheMode\":\"DEVICE\",\"batchMs\":[0.2,0.1,0.3]"), 5000);
        assertEquals("DEVICE", figures.get("cacheMode"));
        assertEquals(0.2, ((Stats) figures.get("batchMs")).median(), 1e-12);
    }

    @Test
    void trainingThreadCpuTimeBecomesItsOwnFigure() throws Exception {
        Map<String, Object> figures = IterationFigures.from(raw(",\"fitCpuMs\":[90,70,80]"), 5000);
        assertEquals(80.0, ((Stats) figures.get("iterationCpuMs")).median());
        assertEquals(70.0, ((Stats) figures.get("iterationCpuMs")).min());
    }

    @Test
    void olderProfilerOutputReadsAsNoCacheAndNoBatchFigure() throws Exception {
        Map<String, Object> figures = IterationFigures.from(raw(""), 5000);
        assertEquals("NONE", figures.get("cacheMode"));
        assertFalse(figures.containsKey("batchMs"));
        assertFalse(figures.containsKey("iterationCpuMs"));
    }

    @Test
    void tableNamesTheCacheModeAndTheBatchBuildingTime() throws Exception {
        Map<String, Object> row = IterationFigures.from(raw(",\"cacheMode\":\"DEVICE\",\"batchMs\":[0.25]"), 5000);
        String table = Table.render(Map.of("quick", false, "iterations", List.of(row), "parallelRuns", List.of()));
        assertTrue(table.contains("conv cache mode: DEVICE"), table);
        assertTrue(table.contains("median 0.250 ms"), table);
    }

    @Test
    void tableNamesWhoseKernelsRanAndTheBestIteration() throws Exception {
        Map<String, Object> ours = IterationFigures.from(raw(",\"kernels\":\"reprolab\""), 5000);
        Map<String, Object> older = IterationFigures.from(raw(""), 5000);
        assertEquals("reprolab", ours.get("kernels"));
        assertEquals("dl4j", older.get("kernels"), "profiler output from before our kernels existed");
        String table = Table.render(Map.of("quick", false, "iterations", List.of(older, ours), "parallelRuns", List.of()));
        assertTrue(table.contains("kernels"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("1       active   reprolab    110.0    110.0    100.0")), table);
    }

    @Test
    void tableNamesTheSelfCheckVerdictAndTheOpProfileLog() throws Exception {
        Map<String, Object> row = IterationFigures.from(raw(",\"kernels\":\"reprolab\",\"kernelSelfCheck\":\"reprolab (self-check passed)\""), 5000);
        row.put("opProfileLog", "/tmp/x/profile-t1-reprolab.out.err");
        String table = Table.render(Map.of("quick", false, "iterations", List.of(row), "parallelRuns", List.of()));
        assertTrue(table.contains("kernel self-check (what workers use): reprolab (self-check passed)"), table);
        assertTrue(table.contains("time per native op, 1 thread(s), reprolab kernels: ND4J's op profiler in /tmp/x/profile-t1-reprolab.out.err"), table);
    }
}
