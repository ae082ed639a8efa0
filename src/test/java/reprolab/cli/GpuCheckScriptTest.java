package reprolab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.run.PythonWorker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * packaging/gpu-check.sh on its CPU path (--cpu-only, small data, tiny only): it needs no Java, writes
 * experiment folders that {@code reprolab report} reads back, and prints a verdict per folder.
 */
class GpuCheckScriptTest {

    @TempDir
    static Path out;
    private static String printed;

    @BeforeAll
    static void runTheScript() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "packaging/gpu-check.sh", "--cpu-only", "--small",
                "--repeats", "2", "--models", "tiny,custom"));
        builder.environment().put("OUT", out.toString());
        builder.environment().put(PythonWorker.PYTHON_ENV, PythonWorker.python());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), printed);
    }

    @Test
    void writesOneFolderPerSeriesAndPrintsEachVerdict() {
        for (String name : List.of("tiny-gpu", "tiny-gpu-deterministic", "tiny-gpu-benchmark", "tiny-cpu", "tiny-gpu-vs-cpu")) {
            assertTrue(Files.isRegularFile(out.resolve(name).resolve("experiment.json")), name);
            assertTrue(printed.contains(name + ": 2 runs "), printed);
        }
        assertTrue(printed.contains("tiny-gpu-deterministic: 2 runs bitwise identical"), printed);
    }

    @Test
    void theCustomModelRunsTooAndEveryRunWritesSnapshotsTheJavaSideReads() throws Exception {
        for (String name : List.of("custom-gpu", "custom-cpu", "custom-gpu-vs-cpu")) {
            assertTrue(printed.contains(name + ": 2 runs "), printed);
        }
        // --small: 200 examples, batch 64 = 4 updates, a snapshot at each and at 0: 5 per run, 2 runs
        assertTrue(printed.contains("custom-gpu: 2 runs bitwise identical") && printed.contains("; 10 snapshots"), printed);
        reprolab.analysis.ParameterSeries series = reprolab.ablation.SnapshotFiles.open("run-01",
                out.resolve("custom-cpu").resolve("runs").resolve("run-01.params"));
        assertEquals(List.of("conv_0", "conv_1", "dense_0", "output"), series.layers());
        assertEquals(List.of(0, 1, 2, 3, 4), series.iterations());
    }

    @Test
    void reportReadsTheRepeatsBackAsIdentical() {
        CliCapture report = CliCapture.run("report", out.resolve("tiny-gpu").toString());
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains("bitwise identical"), report.out());
        assertEquals(0, report.errLines(), "no damaged lines: " + report.err());
    }

    @Test
    void reportNamesTheThreadCountBetweenTheTwoDevicesOfTheCpuPath() {
        CliCapture report = CliCapture.run("report", out.resolve("tiny-gpu-vs-cpu").toString());
        assertTrue(report.out().contains("Runs differ from iteration 1"), report.out());
        assertTrue(report.out().contains("torch.num_threads = 4 / 1"), report.out());
    }
}
