package reprolab.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Python worker that crashes, is killed, reports a NaN loss or finds no torch ends as a failed run
 * whose reason says so. The Python is a wrapper script (the app's Python setting) that sets the
 * fault or hides torch, then runs the torch-capable Python the launcher would pick.
 */
class PyTorchFailureTest {

    private static final String SPEC = "{\"model\": {\"name\": \"tiny\", \"batchSize\": 50},"
            + " \"data\": {\"trainSize\": 200, \"validationSize\": 50}, \"execution\": {\"engine\": \"pytorch\"}}";

    @TempDir
    Path dir;

    @AfterEach
    void forgetPython() {
        System.clearProperty(PythonWorker.PYTHON_PROPERTY);
    }

    @Test
    void crashingWorkerIsAFailedRunWithItsStderr() throws Exception {
        usePython("export REPROLAB_INJECT_FAULT=crash@2");
        RunHistory run = runOne(Duration.ofSeconds(60));
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(FailureCause.CRASHED, run.failed().cause());
        assertTrue(run.failed().reason().contains("exited with code 134"), run.failed().reason());
        assertTrue(run.failed().reason().contains("injected crash at iteration 2"), run.failed().reason());
    }

    @Test
    void killedWorkerIsAFailedRunNamingTheSignal() throws Exception {
        usePython("export REPROLAB_INJECT_FAULT=hang@1");
        ExperimentFolder folder = new ExperimentStore(dir).create(SpecJson.parse(SPEC).withName("killed"));
        RunningExperiment running = new ExperimentRunner(WorkerCommand.forCurrentJvm())
                .start(folder, Fixtures.runs(folder.spec(), "run-1"), 1, null);
        ProcessHandle python = awaitPythonChild(folder.logFile("run-1"));
        python.destroyForcibly();
        RunHistory run = running.await().get(0);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(FailureCause.CRASHED, run.failed().cause());
        assertTrue(run.failed().reason().contains("signal 9"), run.failed().reason());
        assertEquals(0, run.failed().iteration(), "iteration 0 was reported before it hung at update 1");
    }

    @Test
    void missingTorchIsAClearError() throws Exception {
        Path fake = Files.createDirectories(dir.resolve("no-torch"));
        Files.writeString(fake.resolve("torch.py"), "raise ImportError(\"No module named 'torch'\")\n");
        usePython("export PYTHONPATH=\"$PYTHONPATH:" + fake + "\"");
        RunHistory run = runOne(Duration.ofSeconds(60));
        assertEquals(FailureCause.ERROR, run.failed().cause());
        assertTrue(run.failed().reason().startsWith("PyTorch is not installed for "), run.failed().reason());
        assertTrue(run.failed().reason().contains("REPROLAB_PYTHON"), run.failed().reason());
        assertEquals(null, PythonProbe.of(python("probe-no-torch", "export PYTHONPATH=\"$PYTHONPATH:" + fake + "\""))
                .torch(), "the probe sees no torch either");
    }

    private RunHistory runOne(Duration timeout) throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir).create(SpecJson.parse(SPEC).withName("failing"));
        List<RunHistory> runs = new ExperimentRunner(WorkerCommand.forCurrentJvm()).withSilenceTimeout(timeout)
                .start(folder, Fixtures.runs(folder.spec(), "run-1"), 1, null).await();
        return runs.get(0);
    }

    private void usePython(String setup) throws Exception {
        System.setProperty(PythonWorker.PYTHON_PROPERTY, python("python-wrapper", setup));
    }

    /** A shell script that runs {@code setup}, then the Python the launcher finds on its own. */
    private String python(String name, String setup) throws Exception {
        System.clearProperty(PythonWorker.PYTHON_PROPERTY);
        String real = PythonWorker.python();
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + setup + "\nexec " + real + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    /** The worker, once it has reported iteration 0 (then it hangs at update 1). */
    private static ProcessHandle awaitPythonChild(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var child = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("reprolab_worker")).findFirst();
            if (child.isPresent() && Files.exists(log) && Files.readString(log).contains("\"type\":\"iteration\"")) {
                return child.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Python worker started");
    }
}
