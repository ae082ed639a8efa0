package reprolab.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecJson;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real tiny trainings started by the launcher from a classpath of jars, as in the installed app: the
 * first worker writes the class archive, the next one loads its classes from it and computes the same bits;
 * {@code doctor} names the archive in the user's cache, and {@code REPROLAB_CLASS_ARCHIVE=off} turns it off.
 */
class ClassArchiveRunTest {

    @TempDir
    Path dir;

    @Test
    void theFirstWorkerWritesTheArchiveAndTheNextLoadsItsClassesFromItWithTheSameResult() throws Exception {
        String jars = jarClasspath();
        Path classLog = dir.resolve("class-load.log");
        WorkerCommand command = WorkerCommand.forCurrentJvm().withClasspath(jars)
                .withExtraJvmArgs(List.of("-Xlog:class+load=info:file=" + classLog));
        Path javaHome = Path.of(command.java()).getParent().getParent();
        WorkerClassArchive archive = WorkerClassArchive.in(dir.resolve("cache"), javaHome, jars).orElseThrow(
                () -> new AssertionError("this JDK (" + javaHome + ") has no base archive, lib/server/classes.jsa"));
        ExperimentRunner runner = new ExperimentRunner(command).withClassArchive(Optional.of(archive));
        ExperimentSpec spec = SpecJson.parse("{\"model\": {\"name\": \"tiny\", \"batchSize\": 50},"
                + " \"data\": {\"trainSize\": 200, \"validationSize\": 50}}");

        RunHistory writer = runOne(runner, spec, "writes");
        assertTrue(Files.isRegularFile(archive.file()), "no archive after a clean first run");
        try (Stream<Path> left = Files.list(archive.file().getParent())) {
            assertEquals(List.of(archive.file()), left.toList(), "the temp file was renamed, nothing else left");
        }
        String firstLog = Files.readString(classLog);
        assertTrue(firstLog.contains("reprolab.worker.WorkerMain source: file:"), "the writer loads from the jar");

        RunHistory reader = runOne(runner, spec, "reads");
        String secondLog = Files.readString(classLog);
        assertTrue(secondLog.contains("reprolab.worker.WorkerMain source: shared objects file (top)"),
                "our classes come from the archive");
        assertTrue(secondLog.contains("org.deeplearning4j.nn.multilayer.MultiLayerNetwork source: shared objects file"),
                "DL4J's classes come from the archive");
        assertEquals(writer.finished().finalHash(), reader.finished().finalHash());
        assertEquals(writer.epochs(), reader.epochs());
        for (int k = 0; k < writer.iterations().size(); k++) {
            assertEquals(writer.iterations().get(k).layers(), reader.iterations().get(k).layers(), "iteration " + k);
        }
    }

    @Test
    void doctorNamesTheArchiveInTheCacheAndTheSwitchTurnsItOff() throws Exception {
        String jars = jarClasspath();
        Path cache = dir.resolve("xdg-cache");
        String on = doctor(jars, Map.of("XDG_CACHE_HOME", cache.toString()));
        assertTrue(on.contains("worker class archive: " + cache.resolve("reprolab/class-archives/worker-")), on);
        assertTrue(on.contains(".jsa, written by the next worker"), on);
        String off = doctor(jars, Map.of("XDG_CACHE_HOME", cache.toString(), WorkerClassArchive.SWITCH_VARIABLE, "off"));
        assertTrue(off.contains("worker class archive: off (REPROLAB_CLASS_ARCHIVE=off)"), off);
    }

    /** {@code reprolab doctor} in a JVM of its own, as the installed app runs it, with these variables. */
    private static String doctor(String classpath, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(WorkerCommand.forCurrentJvm().java(), "-cp", classpath,
                "reprolab.cli.Main", "doctor").redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), "doctor did not end");
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private RunHistory runOne(ExperimentRunner runner, ExperimentSpec spec, String id) throws Exception {
        ExperimentFolder folder = new ExperimentStore(dir.resolve("experiments")).create(spec.withName(id));
        List<RunHistory> runs = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> runner.start(folder, Fixtures.runs(spec, id), 1, null).await());
        RunHistory run = runs.get(0);
        assertEquals(RunStatus.FINISHED, run.status(), id + ": " + run.failed() + "\n"
                + Files.readString(folder.stderrFile(id)));
        return run;
    }

    /**
     * This test JVM's classpath with the build folder of the app's classes packed into a jar and the
     * test classes left out: the archive needs jars, as the installed app has.
     */
    private String jarClasspath() throws Exception {
        Path appJar = dir.resolve("reprolab.jar");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
            } else if (Files.exists(path.resolve("reprolab/worker/WorkerMain.class"))) {
                ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
                assertEquals(0, jar.run(System.out, System.err, "cf", appJar.toString(), "-C", entry, "."));
                entries.add(appJar.toString());
            }
        }
        assertTrue(entries.contains(appJar.toString()), "the app's classes were not on the test classpath");
        return String.join(File.pathSeparator, entries);
    }
}
