package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecJson;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Python worker whose launcher is gone exits by itself (code 3), as the Java worker does. */
class PythonWorkerOrphanTest {

    @TempDir
    Path dir;

    @Test
    void workerExitsSoonAfterItsLauncherIsGone() throws Exception {
        ExperimentSpec spec = SpecJson.parse("{\"model\": {\"name\": \"tiny\", \"batchSize\": 50},"
                + " \"data\": {\"trainSize\": 100, \"validationSize\": 50}, \"execution\": {\"engine\": \"pytorch\"}}");
        Path specFile = dir.resolve("run-1.run.json");
        Files.writeString(specFile, new RunSpec(ExperimentSpec.SCHEMA_VERSION, "run-1", spec, new ResolvedSeeds(1, 2, 3, 4)).toJson());
        Process launcher = new ProcessBuilder("sleep", "120").start();
        ProcessBuilder builder = new ProcessBuilder(List.of(PythonWorker.python(), "-m", PythonWorker.MODULE,
                "--run-spec", specFile.toString(), "--launcher-pid", String.valueOf(launcher.pid()),
                "--home", System.getProperty("user.dir")));
        PythonWorker.applyEnvironment(builder.environment(), spec.execution(),
                PythonWorker.sourceDir(System.getProperty("user.dir")));
        builder.environment().put("REPROLAB_INJECT_FAULT", "hang@1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process worker = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.contains("\"type\":\"iteration\""));
            assertTrue(line != null, "the worker reported iteration 0 before hanging");
            launcher.destroyForcibly().waitFor();
            assertTrue(worker.waitFor(20, TimeUnit.SECONDS), "the orphaned worker still runs");
            assertEquals(3, worker.exitValue());
        } finally {
            worker.destroyForcibly();
            launcher.destroyForcibly();
        }
    }
}
