package reprolab.worker;

import org.junit.jupiter.api.Test;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SpecOverrides;

import java.security.SecureRandom;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayAndPerturbationTest {

    @Test
    void unseededRunReplayedFromItsRecordedSeedsIsBitwiseIdentical() throws Exception {
        ExperimentSpec unseeded = tiny();
        for (SeedKind kind : SeedKind.values()) {
            unseeded = unseeded.withSeeds(unseeded.seeds().with(kind, SeedSetting.off()));
        }
        ResolvedSeeds drawn = ResolvedSeeds.resolve(unseeded.seeds(), new SecureRandom());
        RunHistory original = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("unseeded", unseeded, drawn))).get(0);
        ResolvedSeeds recorded = original.started().provenance().seeds();
        assertEquals(drawn, recorded);

        ExperimentSpec replaySpec = unseeded.withSeeds(recorded.asSpec());
        RunHistory replay = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("replay", replaySpec, ResolvedSeeds.resolve(replaySpec.seeds(), new SecureRandom())))).get(0);
        assertEquals(RunStatus.FINISHED, replay.status());
        assertEquals(original.finished().finalHash(), replay.finished().finalHash());
        for (int k = 0; k < original.iterations().size(); k++) {
            assertEquals(original.iterations().get(k).modelHash(), replay.iterations().get(k).modelHash());
        }
    }

    @Test
    void perturbationChangesOnlyTheChosenLayerAtTheChosenIteration() throws Exception {
        ExperimentSpec plain = tiny();
        ExperimentSpec perturbed = tiny("perturbation.enabled=true", "perturbation.iteration=2",
                "perturbation.layer=dense_0", "perturbation.epsilon=1e-8", "perturbation.fraction=0.001");
        ResolvedSeeds seeds = new ResolvedSeeds(1, 2, 3, 4);
        List<RunHistory> runs = WorkerProcesses.run(List.of(
                WorkerProcesses.runSpec("plain", plain, seeds), WorkerProcesses.runSpec("perturbed", perturbed, seeds)));
        RunHistory a = runs.get(0);
        RunHistory b = runs.get(1);
        for (int k = 0; k < 2; k++) {
            assertEquals(a.iterations().get(k).modelHash(), b.iterations().get(k).modelHash(), "before the perturbation");
        }
        IterationEvent at = b.iterations().get(2);
        assertTrue(at.perturbed() > 0);
        List<LayerFingerprint> before = a.iterations().get(2).layers();
        assertEquals(before.get(0), at.layers().get(0), "conv_0 untouched");
        assertNotEquals(before.get(1).hash(), at.layers().get(1).hash(), "dense_0 perturbed");
        assertEquals(before.get(2), at.layers().get(2), "output untouched");
        assertNotEquals(a.finished().finalHash(), b.finished().finalHash(), "the difference survives training");
        reprolab.analysis.ExperimentReport report = reprolab.analysis.ExperimentAnalysis.analyse(runs, 0);
        assertEquals(new reprolab.analysis.Divergence(2, "dense_0"), report.firstDivergence());
        assertTrue(report.verdict().contains("perturbation"), report.verdict());
    }

    @Test
    void invalidDataFileFailsTheRunWithAClearReason() throws Exception {
        ExperimentSpec spec = tiny("data.source=idx", "data.imagesPath=/nonexistent/images.idx",
                "data.labelsPath=/nonexistent/labels.idx");
        RunHistory run = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("bad", spec, new ResolvedSeeds(1, 2, 3, 4)))).get(0);
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.failed().reason().contains("/nonexistent/images.idx"), run.failed().reason());
    }

    @Test
    void nanLossStopsTheRunAsDivergedAtThatIteration() throws Exception {
        RunHistory run = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("nan", tiny(), new ResolvedSeeds(1, 2, 3, 4))),
                java.util.Map.of("REPROLAB_INJECT_FAULT", "nan-loss@3")).get(0);
        assertEquals(RunStatus.FAILED, run.status(), "final: " + run.finished());
        assertEquals("loss diverged to NaN at iteration 3", run.failed().reason());
        assertEquals(reprolab.events.FailureCause.DIVERGED, run.failed().cause());
        assertEquals(2, run.lastIteration(), "updates before the NaN are kept");
    }

    @Test
    void cudaRunWithoutAGpuFallsBackToTheCpuAndSaysSo() throws Exception {
        RunHistory run = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("cuda", tiny("execution.backend=cuda"),
                new ResolvedSeeds(1, 2, 3, 4))), java.util.Map.of("BACKEND_PRIORITY_GPU", "100", "BACKEND_PRIORITY_CPU", "0")).get(0);
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals("CpuBackend", run.started().provenance().backend());
        assertEquals(reprolab.experiment.Backend.CUDA, run.started().provenance().spec().execution().backend());
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeightsExactly() throws Exception {
        ExperimentSpec spec = tiny("model.epochs=6", "model.learningRate=0.05", "model.earlyStopping.enabled=true",
                "model.earlyStopping.patience=1", "model.earlyStopping.restoreBest=true");
        RunHistory run = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("es", spec, new ResolvedSeeds(42, 42, 42, 42)))).get(0);
        assertEquals(RunStatus.FINISHED, run.status());
        assertTrue(run.finished().stoppedEarly(), "a noisy lr 0.05 run is expected to stop within 6 epochs");
        int best = run.finished().restoredEpoch();
        assertTrue(best >= 0 && best < run.epochs().size() - 1, "stopping early means an earlier epoch was best");
        reprolab.events.EpochEvent bestEpoch = run.epochs().get(best);
        assertEquals(bestEpoch.valLoss(), run.finished().valLoss(), "restored weights evaluate exactly as they did");
        String hashAtBest = run.iterations().stream().filter(i -> i.iteration() == bestEpoch.iteration())
                .findFirst().orElseThrow().modelHash();
        assertEquals(hashAtBest, run.finished().finalHash());
    }

    /** The tiny model on 200 + 50 digits (4 updates), with the given key=value overrides. */
    static ExperimentSpec tiny(String... overrides) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("model.name=tiny", "model.batchSize=50",
                "data.trainSize=200", "data.validationSize=50"));
        all.addAll(List.of(overrides));
        return SpecOverrides.apply(ExperimentSpec.defaults(), all);
    }
}
