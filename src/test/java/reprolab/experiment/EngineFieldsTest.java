package reprolab.experiment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** execution.engine and the PyTorch-only fields: defaults, and each engine rejects what it does not have (and only that). */
class EngineFieldsTest {

    @Test
    void aFileWithoutTheNewFieldsIsADl4jRunAsBefore() throws SpecException {
        ExecutionSpec e = SpecJson.parse("{\"execution\": {\"threads\": 2}}").execution();
        assertEquals(Engine.DL4J, e.engine());
        assertFalse(e.deterministicAlgorithms());
        assertFalse(e.cudnnBenchmark());
    }

    @Test
    void pytorchEngineReadsItsFields() throws SpecException {
        ExecutionSpec e = SpecJson.parse("{\"execution\": {\"engine\": \"pytorch\", \"backend\": \"cuda\","
                + " \"deterministicAlgorithms\": true, \"cudnnBenchmark\": true}}").execution();
        assertTrue(e.pytorch());
        assertTrue(e.deterministicAlgorithms());
        assertTrue(e.cudnnBenchmark());
        assertEquals(e, SpecJson.parse(SpecJson.write(SpecJson.parse("{\"execution\": {\"engine\": \"pytorch\","
                + " \"backend\": \"cuda\", \"deterministicAlgorithms\": true, \"cudnnBenchmark\": true}}"))).execution());
    }

    @Test
    void pytorchOnTheCpuRejectsDeterministicAlgorithmsAsDoingNothing() {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(
                "{\"execution\": {\"engine\": \"pytorch\", \"deterministicAlgorithms\": true}}"));
        assertTrue(e.getMessage().contains("'execution.deterministicAlgorithms' only takes effect with execution.backend "
                + "'cuda', not 'cpu'"), e.getMessage());
    }

    @Test
    void dl4jRejectsDeterministicAlgorithmsNamingTheField() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"execution\": {\"deterministicAlgorithms\": true}}"));
        assertTrue(e.getMessage().contains("'execution.deterministicAlgorithms' is a PyTorch setting; execution.engine 'dl4j'"),
                e.getMessage());
    }

    @Test
    void dl4jRejectsCudnnBenchmarkNamingTheField() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"execution\": {\"cudnnBenchmark\": true, \"backend\": \"cuda\"}}"));
        assertTrue(e.getMessage().contains("'execution.cudnnBenchmark' is a PyTorch setting"), e.getMessage());
    }

    @Test
    void cudnnBenchmarkOnTheCpuIsRejectedBecauseItWouldDoNothing() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"execution\": {\"engine\": \"pytorch\", \"cudnnBenchmark\": true}}"));
        assertTrue(e.getMessage().contains("'execution.cudnnBenchmark' only takes effect with execution.backend 'cuda', not 'cpu'"),
                e.getMessage());
    }

    @Test
    void unknownEngineIsRejectedNamingTheField() {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecJson.parse("{\"execution\": {\"engine\": \"tensorflow\"}}"));
        assertTrue(e.getMessage().contains("execution.engine"), e.getMessage());
    }

    @Test
    void pytorchAcceptsTheShippedCustomLayerListAndSnapshotsNowThatItBuildsAndWritesThem() throws Exception {
        String custom = java.nio.file.Files.readString(java.nio.file.Path.of("sample-data", "experiments",
                "custom-seed-cnn.json"));
        ExperimentSpec spec = SpecOverrides.apply(SpecJson.parse(custom),
                java.util.List.of("execution.engine=pytorch", "runs.snapshotEvery=5"));
        assertEquals(ModelName.CUSTOM, spec.model().name());
        assertEquals(5, spec.runs().snapshotEvery());
    }
}
