package reprolab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadsTest {

    @Test
    void aSpecFileKeepsItsModelAndTakesTheBenchmarksSizeAndThreads(@TempDir Path dir) throws Exception {
        Path source = Path.of("sample-data", "experiments", "custom-seed-cnn.json");
        ExperimentSpec workload = SpecJson.read(Workloads.fromFile(source, dir, "w", 640, 2, false));
        assertEquals(ModelName.CUSTOM, workload.model().name());
        assertEquals(SpecJson.read(source).model(), workload.model());
        assertEquals(640, workload.data().trainSize());
        assertEquals(2, workload.execution().threads());
        assertEquals(false, workload.execution().helpers());
    }

    @Test
    void aFileWithoutDataOrExecutionSectionsStillWorks(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("small.json");
        Files.writeString(source, "{\"model\": {\"name\": \"tiny\"}}");
        ExperimentSpec workload = SpecJson.read(Workloads.fromFile(source, dir, "w", 100, 1, true));
        assertEquals(ModelName.TINY, workload.model().name());
        assertEquals(100, workload.data().trainSize());
    }

    @Test
    void anInvalidSpecStopsTheBenchmarkNamingTheProblem(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("bad.json");
        Files.writeString(source, "{\"model\": {\"name\": \"custom\", \"layers\": [{\"type\": \"flatten\"}]}}");
        IOException e = assertThrows(IOException.class, () -> Workloads.fromFile(source, dir, "w", 100, 1, true));
        assertTrue(e.getMessage().contains("must end in the output layer"), e.getMessage());
    }
}
