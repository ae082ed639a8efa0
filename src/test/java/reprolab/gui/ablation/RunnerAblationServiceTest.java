package reprolab.gui.ablation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;
import reprolab.experiment.RunsSpec;
import reprolab.gui.RunEventListener;
import reprolab.gui.ServiceException;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.RunListener;
import reprolab.run.RunTarget;
import reprolab.run.RunTargetException;
import reprolab.run.RunningExperiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's ablations go where its "Run on" choice says, as its experiments do. */
class RunnerAblationServiceTest {

    @TempDir
    Path dir;

    private static final RunEventListener QUIET = (runId, event) -> { };

    /** A target that records what it was given and runs nothing. */
    private static class RecordingTarget implements RunTarget {
        final String name;
        final String refusal;
        final List<RunSpec> runs = new ArrayList<>();
        int parallel;

        RecordingTarget(String name, String refusal) {
            this.name = name;
            this.refusal = refusal;
        }

        @Override
        public void check(Path storeRoot) throws RunTargetException {
            if (refusal != null) {
                throw new RunTargetException(refusal);
            }
        }

        @Override
        public RunningExperiment start(ExperimentFolder folder, List<RunSpec> given, int atOnce, RunListener listener) {
            runs.addAll(given);
            parallel = atOnce;
            return new RunningExperiment() {
                public List<RunHistory> snapshot() {
                    return List.of();
                }

                public void cancel(String runId) {
                }

                public void cancelAll() {
                }

                public CompletableFuture<List<RunHistory>> completion() {
                    return new CompletableFuture<>();
                }
            };
        }

        @Override
        public String describe() {
            return name;
        }
    }

    @Test
    void theChosenTargetGetsEveryRunOfTheAblationAndTheHandleSaysWhere() throws Exception {
        RecordingTarget cluster = new RecordingTarget("Slurm, partition debug", null);
        ExperimentStore store = new ExperimentStore(dir);
        RunnerAblationService service = new RunnerAblationService(store, () -> cluster);

        AblationService.Handle handle = service.start(ExperimentSpec.defaults(), 2, List.of("dropout", "shuffle"), QUIET);

        assertEquals(6, cluster.runs.size(), "baseline, dropout and shuffle, 2 runs each");
        assertEquals(6, cluster.parallel, "a cluster gets every run at once: its scheduler queues them");
        assertEquals("Slurm, partition debug", handle.where());
        assertTrue(Files.isRegularFile(handle.folder().resolve("ablation.json")));
    }

    @Test
    void theSpecsParallelRunsThrottleTheClusterToo() throws Exception {
        RecordingTarget cluster = new RecordingTarget("Slurm", null);
        ExperimentSpec throttled = ExperimentSpec.defaults().withRuns(new RunsSpec(3, 2));
        new RunnerAblationService(new ExperimentStore(dir), () -> cluster).start(throttled, 2, List.of("dropout"), QUIET);
        assertEquals(4, cluster.runs.size());
        assertEquals(2, cluster.parallel, "runs.parallel of the baseline, as `ablate --on slurm` does");
    }

    @Test
    void thisComputerGetsAsManyAtOnceAsFitItsCores() throws Exception {
        RecordingTarget local = new RecordingTarget("this computer", null) {
            @Override
            public int defaultParallel(int threadsPerRun, int runs) {
                return 2;
            }
        };
        AblationService.Handle handle = new RunnerAblationService(new ExperimentStore(dir), () -> local)
                .start(ExperimentSpec.defaults(), 2, List.of("dropout"), QUIET);
        assertEquals(4, local.runs.size());
        assertEquals(2, local.parallel);
        assertEquals("this computer", handle.where());
    }

    @Test
    void aTargetThatRefusesStoresNothingAndSaysWhy() throws Exception {
        RecordingTarget refusing = new RecordingTarget("Slurm", "sbatch was not found on the PATH");
        RunnerAblationService service = new RunnerAblationService(new ExperimentStore(dir), () -> refusing);

        ServiceException e = assertThrows(ServiceException.class,
                () -> service.start(ExperimentSpec.defaults(), 2, List.of("dropout"), QUIET));
        assertTrue(e.getMessage().contains("sbatch was not found on the PATH"), e.getMessage());
        assertEquals(List.of(), refusing.runs);
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.findAny().isPresent(), "no experiment folder for a refused ablation");
        }
    }

    @Test
    void aScriptBaselineIsPlannedAsTheScriptsAblationWithOnlyTheChosenToggles() throws Exception {
        RecordingTarget local = new RecordingTarget("this computer", null);
        RunnerAblationService service = new RunnerAblationService(new ExperimentStore(dir), () -> local);
        ExperimentSpec script = ExperimentSpec.defaults().withExecution(reprolab.experiment.ExecutionSpec.defaults()
                .withEngine(reprolab.experiment.Engine.PYTORCH)).withScript(new reprolab.experiment.ScriptSpec(
                "/tmp/train.py", "0".repeat(64), List.of(), "/tmp", 0, reprolab.experiment.SeedSetting.on(7),
                reprolab.experiment.SeedSetting.off()));

        AblationService.Handle handle = service.start(script, 2, List.of("hashSeed"), QUIET);

        assertEquals(List.of("baseline", "baseline", "hashSeed", "hashSeed"), List.copyOf(handle.groups().values()));
        assertTrue(local.runs.stream().allMatch(r -> r.spec().script() != null), "every run is the script's");
        ServiceException e = assertThrows(ServiceException.class,
                () -> service.start(script, 2, List.of("dropout"), QUIET));
        assertTrue(e.getMessage().contains("'dropout'") && e.getMessage().contains("seed, hashSeed, threads"),
                e.getMessage());
    }
}
