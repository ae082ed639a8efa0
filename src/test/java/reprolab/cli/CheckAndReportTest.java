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
    private static CliCapture differing;

    @BeforeAll
    static void checkIdenticalRuns() throws Exception {
        spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\": \"cli tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50}}");
        identical = CliCapture.run("check", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--out", dir.resolve("store-identical").toString());
        // with parameter snapshots after every update, so that report can measure how far apart they drift
        differing = CliCapture.run("check", spec.toString(), "--repeats", "2", "--parallel", "2",
                "--set", "seeds.weightInit.enabled=false", "--set", "runs.snapshotEvery=1",
                "--out", dir.resolve("store-differ").toString());
    }

    @Test
    void checkOfFullySeededRunsExitsZero() {
        assertEquals(Main.EXIT_OK, identical.exit(), identical.out() + identical.err());
    }

    @Test
    void checkWithWeightInitSeedOffExitsOne() {
        assertEquals(Main.EXIT_DIFFERENT, differing.exit(), differing.out() + differing.err());
    }

    @Test
    void reportOfRunsWithSnapshotsMeasuresHowFarApartTheirParametersAre() throws Exception {
        Path folder = onlyFolder("store-differ");
        CliCapture text = CliCapture.run("report", folder.toString());
        assertEquals(Main.EXIT_OK, text.exit(), text.err());
        assertTrue(text.out().contains("parameter distance between runs (L2 over all parameters, mean over the pairs "
                + "that differ; 2 runs, 1 pairs, 5 snapshots):"), text.out());
        assertTrue(text.out().contains("per layer at iteration 4: conv_0 "), text.out());
        assertTrue(text.out().contains("first apart at iteration 0"), "weight init differs from the start: " + text.out());

        CliCapture json = CliCapture.run("report", folder.toString(), "--json");
        JsonNode document = Json.mapper().readTree(json.out());
        assertTrue(document.get("experiment").has("verdict"), json.out());
        JsonNode distance = document.get("parameterDistance");
        assertEquals(List.of(0, 1, 2, 3, 4), Json.mapper().convertValue(distance.get("iterations"),
                new com.fasterxml.jackson.core.type.TypeReference<List<Integer>>() { }));
        assertTrue(distance.get("model").get(0).asDouble() > 0, "different initial weights: " + distance);
        for (JsonNode differingPairs : distance.get("differing")) {
            assertEquals(1, differingPairs.asInt());
        }
    }

    @Test
    void reportOfRunsWithoutSnapshotsHasNoDistanceSection() {
        CliCapture text = CliCapture.run("report", onlyFolder("store-identical").toString());
        assertFalse(text.out().contains("parameter distance"), text.out());
    }

    private static Path onlyFolder(String store) {
        try (Stream<Path> folders = Files.list(dir.resolve(store))) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
