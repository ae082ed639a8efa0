package reprolab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real tiny trainings (2 x 2 runs of 4 updates): the CI gate and re-reading a stored experiment. */
class CheckAndReportTest {

    @TempDir
    static Path dir;
    private static Path spec;
    private static CliCapture identical;

    @BeforeAll
    static void checkIdenticalRuns() throws Exception {
        spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\": \"cli tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50}}");
        identical = CliCapture.run("check", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--out", dir.resolve("store-identical").toString());
    }

    @Test
    void checkOfFullySeededRunsExitsZero() {
        assertEquals(Main.EXIT_OK, identical.exit(), identical.out() + identical.err());
    }

    @Test
    void checkWithWeightInitSeedOffExitsOne() {
        CliCapture r = CliCapture.run("check", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--set", "seeds.weightInit.enabled=false", "--out", dir.resolve("store-differ").toString());
        assertEquals(Main.EXIT_DIFFERENT, r.exit(), r.out() + r.err());
    }

    @Test
    void reportJsonOfStoredExperimentHasTheFindings() throws Exception {
        Path folder;
        try (Stream<Path> folders = Files.list(dir.resolve("store-identical"))) {
            folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        CliCapture r = CliCapture.run("report", folder.toString(), "--json");
        assertEquals(Main.EXIT_OK, r.exit(), r.err());
        JsonNode report = Json.mapper().readTree(r.out());
        for (String field : List.of("runs", "identical", "firstDivergence", "lossSpread", "verdict")) {
            assertTrue(report.has(field), "missing " + field + " in " + r.out());
        }
        assertEquals(2, report.get("runs").size());
        assertTrue(report.get("identical").asBoolean());
        assertTrue(report.get("firstDivergence").isNull());
        assertFalse(report.get("lossSpread").isEmpty());
    }
}
