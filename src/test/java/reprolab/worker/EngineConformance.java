package reprolab.worker;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reprolab.ablation.SnapshotFiles;
import reprolab.analysis.ChaosAnalysis;
import reprolab.analysis.Divergence;
import reprolab.analysis.ExperimentAnalysis;
import reprolab.analysis.ExperimentReport;
import reprolab.analysis.ParameterDistance;
import reprolab.analysis.ParameterSeries;
import reprolab.events.EpochEvent;
import reprolab.events.EventCodec;
import reprolab.events.FailureCause;
import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.Engine;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.LayerShapes;
import reprolab.experiment.ModelSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SpecOverrides;
import reprolab.experiment.SpecJson;
import reprolab.run.WorkerCommand;
import reprolab.run.WorkerMemory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every engine promises, written once and run against each ({@link Dl4jConformanceTest},
 * {@link PyTorchConformanceTest}): real workers, started by the app's launcher, train one small custom model
 * (convolution, batch norm, pooling, both dropouts, dense, output) for three updates. Seeded runs are bitwise
 * identical; each seed changes only its own stream (weight init at iteration 0, dropout and shuffle from
 * 1); the perturbation changes its share of the chosen layer at its iteration; snapshots are read by the
 * Java side and feed the time to chaos; early stopping restores the best epoch; injected faults and bad
 * data end as failed runs; the started event has the format version and the provenance keys replay and
 * the cross-node verdict need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineConformance {

    /** A small model of every parameter-layer kind, batch norm included (names: conv_0, batchnorm_0, dense_0, output). */
    static final String CUSTOM_MODEL = "{\"model\": {\"name\": \"custom\", \"batchSize\": 50, \"epochs\": 1, \"layers\": ["
            + "{\"type\": \"conv2d\", \"filters\": 4, \"kernel\": 3, \"stride\": 2, \"padding\": \"same\"},"
            + " {\"type\": \"batchnorm\"}, {\"type\": \"maxpool2d\", \"size\": 2}, {\"type\": \"dropout\", \"rate\": 0.25},"
            + " {\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 16, \"activation\": \"tanh\"},"
            + " {\"type\": \"dropout\", \"rate\": 0.5}, {\"type\": \"output\"}]},"
            + " \"data\": {\"trainSize\": 150, \"validationSize\": 50}, \"runs\": {\"snapshotEvery\": 1}}";
    static final List<String> LAYERS = List.of("conv_0", "batchnorm_0", "dense_0", "output");
    static final ResolvedSeeds BASE = new ResolvedSeeds(11, 22, 33, 44);

    /** The runs' folder, shared by all the tests of a class (a @TempDir field is one per test method). */
    private Path runsDir;
    private Map<String, RunHistory> runs;

    /** The engine under test. */
    abstract Engine engine();

    ExperimentSpec spec(String... overrides) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("execution.engine=" + engine().json()));
        all.addAll(List.of(overrides));
        return SpecOverrides.apply(SpecJson.parse(CUSTOM_MODEL), all);
    }

    @BeforeAll
    void trainTheRuns() throws Exception {
        runsDir = Files.createTempDirectory("engine-conformance");
        List<reprolab.experiment.RunSpec> specs = List.of(
                WorkerProcesses.runSpec("base", spec(), BASE),
                WorkerProcesses.runSpec("base-again", spec(), BASE),
                WorkerProcesses.runSpec("weight-init", spec(), new ResolvedSeeds(12, 22, 33, 44)),
                WorkerProcesses.runSpec("dropout", spec(), new ResolvedSeeds(11, 23, 33, 44)),
                WorkerProcesses.runSpec("shuffle", spec(), new ResolvedSeeds(11, 22, 34, 44)),
                WorkerProcesses.runSpec("split", spec(), new ResolvedSeeds(11, 22, 33, 45)),
                WorkerProcesses.runSpec("perturbed", spec("perturbation.enabled=true", "perturbation.iteration=2",
                        "perturbation.layer=dense_0"), BASE),
                early("early-0.5", "0.5"),
                early("early-5", "5"),
                WorkerProcesses.runSpec("bad-data", spec("data.source=idx", "data.imagesPath=no-such-images.idx",
                        "data.labelsPath=no-such-labels.idx", "runs.snapshotEvery=0"), BASE));
        runs = new java.util.HashMap<>();
        List<RunHistory> histories = WorkerProcesses.run(specs, Map.of(), runsDir);
        histories.forEach(h -> runs.put(h.runId(), h));
        RunHistory fault = WorkerProcesses.run(List.of(WorkerProcesses.runSpec("nan-loss", spec("runs.snapshotEvery=0"),
                BASE)), Map.of("REPROLAB_INJECT_FAULT", "nan-loss@2")).get(0);
        runs.put(fault.runId(), fault);
        for (String id : List.of("base", "base-again", "weight-init", "dropout", "shuffle", "split", "perturbed", "early-0.5", "early-5")) {
            assertEquals(RunStatus.FINISHED, runs.get(id).status(), id + " failed: " + runs.get(id).failed());
        }
    }

    @AfterAll
    void deleteTheRuns() throws Exception {
        try (var files = Files.walk(runsDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void theCustomModelHasTheLayerNamesOfTheLayerListOnEveryEngine() throws Exception {
        assertEquals(LAYERS, runs.get("base").started().provenance().layers());
        assertEquals(LAYERS, spec().model().parameterLayers());
        assertEquals(4, runs.get("base").iterations().size(), "iteration 0 and three updates");
        assertEquals(3, runs.get("base").started().provenance().totalIterations());
        assertEquals(null, runs.get("base").iterations().get(0).loss(), "iteration 0 is the initialised model");
        double accuracy = runs.get("base").iterations().get(1).accuracy();
        assertTrue(accuracy >= 0 && accuracy <= 1, "batch accuracy " + accuracy);
    }

    @Test
    void sameSeedsInSeparateProcessesAreBitwiseIdenticalAtEveryIteration() {
        RunHistory base = runs.get("base");
        RunHistory again = runs.get("base-again");
        for (int k = 0; k < base.iterations().size(); k++) {
            assertEquals(base.iterations().get(k).layers(), again.iterations().get(k).layers(), "iteration " + k);
            assertEquals(base.iterations().get(k).loss(), again.iterations().get(k).loss(), "iteration " + k);
        }
        assertEquals(base.finished().finalHash(), again.finished().finalHash());
        ExperimentReport same = ExperimentAnalysis.analyse(List.of(base, again), 0);
        assertTrue(same.identical() && same.verdict().contains("bitwise identical"), same.verdict());
    }

    @Test
    void eachSeedChangesItsOwnStreamWhereItShould() {
        assertEquals(new Divergence(0, "conv_0"), divergence("weight-init"));
        assertEquals(new Divergence(1, "conv_0"), divergence("dropout"));
        assertTrue(ExperimentAnalysis.analyse(List.of(runs.get("base"), runs.get("dropout")), 0).verdict()
                .contains("dropout seed"));
        assertEquals(new Divergence(1, "conv_0"), divergence("shuffle"));
        assertNotEquals(runs.get("base").iterations().get(1).loss(), runs.get("shuffle").iterations().get(1).loss());
        assertEquals(1, divergence("split").iteration());
        assertNotEquals(runs.get("base").finished().valLoss(), runs.get("split").finished().valLoss());
    }

    @Test
    void perturbationChangesItsShareOfTheChosenLayerAtItsIteration() {
        long dense = layer("dense_0").parameters();
        assertEquals(Math.round(0.01 * dense), runs.get("perturbed").iterations().get(2).perturbed(),
                "perturbation.fraction 0.01 of dense_0's " + dense + " parameters");
        assertEquals(new Divergence(2, "dense_0"), divergence("perturbed"));
    }

    @Test
    void snapshotsAreReadByTheJavaSideWithLayerShapesCountsAndFeedTheTimeToChaos() throws Exception {
        ParameterSeries base = SnapshotFiles.open("base", runsDir.resolve("base.params"));
        ParameterSeries perturbed = SnapshotFiles.open("perturbed", runsDir.resolve("perturbed.params"));
        assertEquals(LAYERS, base.layers());
        assertEquals(List.of(0, 1, 2, 3), base.iterations());
        for (int i = 0; i < LAYERS.size(); i++) {
            assertEquals(layer(LAYERS.get(i)).parameters(), base.at(0)[i].length, LAYERS.get(i));
        }
        assertEquals(0.0, distance(base, perturbed, 1));
        assertTrue(distance(base, perturbed, 2) > 0);
        ParameterSeries weightInit = SnapshotFiles.open("weight-init", runsDir.resolve("weight-init.params"));
        assertTrue(distance(base, weightInit, 0) > 0);
        assertNotNull(ChaosAnalysis.analyse(List.of(new ChaosAnalysis.Group("perturbation", List.of(base, perturbed)),
                new ChaosAnalysis.Group("weightInit", List.of(base, weightInit))), Set.of("weightInit")));
    }

    /** Large steps make the validation loss rise at some epoch (which one differs by engine and rate). */
    private reprolab.experiment.RunSpec early(String id, String learningRate) throws Exception {
        return WorkerProcesses.runSpec(id, spec("model.epochs=4", "model.learningRate=" + learningRate,
                "runs.snapshotEvery=0", "model.earlyStopping.enabled=true", "model.earlyStopping.patience=1",
                "model.earlyStopping.restoreBest=true"), BASE);
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
        int stopped = 0;
        for (String id : List.of("early-0.5", "early-5")) {
            RunHistory early = runs.get(id);
            List<Double> losses = early.epochs().stream().map(EpochEvent::valLoss).toList();
            int best = losses.indexOf(losses.stream().min(Double::compare).orElseThrow());
            boolean last = best == losses.size() - 1;
            assertEquals(!last && best + 2 == losses.size(), early.finished().stoppedEarly(), id + ": " + losses);
            assertEquals(last ? -1 : best, early.finished().restoredEpoch(), id + ": " + losses);
            assertEquals(losses.get(best), early.finished().valLoss(), 1e-12, id + ": the best weights' validation loss");
            stopped += early.finished().stoppedEarly() ? 1 : 0;
        }
        assertTrue(stopped > 0, "at least one of the two runs stops early");
    }

    @Test
    void anInjectedNanLossIsADivergedRunAtItsIteration() {
        RunHistory fault = runs.get("nan-loss");
        assertEquals(RunStatus.FAILED, fault.status());
        assertEquals(FailureCause.DIVERGED, fault.failed().cause());
        assertEquals(2, fault.failed().iteration());
        assertEquals("loss diverged to NaN at iteration 2", fault.failed().reason());
    }

    @Test
    void missingDataIsAFailedRunNamingTheFile() {
        RunHistory bad = runs.get("bad-data");
        assertEquals(RunStatus.FAILED, bad.status());
        assertEquals(FailureCause.ERROR, bad.failed().cause());
        assertTrue(bad.failed().reason().contains("no-such-images.idx"), bad.failed().reason());
    }

    @Test
    void theStartedEventHasTheFormatVersionAndTheProvenanceReplayAndNodeVerdictsNeed() throws Exception {
        Provenance p = runs.get("base").started().provenance();
        assertEquals(2, p.dataChecksums().size(), p.dataChecksums().toString());
        for (String sum : p.dataChecksums().values()) {
            assertTrue(sum.matches("[0-9a-f]{64}"), sum);
        }
        assertFalse(p.cpuFlags().isBlank());
        assertFalse(p.environment().getOrDefault("hostname", "").isBlank(), p.environment().toString());
        assertEquals(SpecJson.hash(p.spec()), p.specHash());
        assertEquals(EventCodec.FORMAT_VERSION, formatVersionOfTheFirstLine());
    }

    private int formatVersionOfTheFirstLine() throws Exception {
        reprolab.experiment.RunSpec run = WorkerProcesses.runSpec("first-line", spec("runs.snapshotEvery=0"), BASE);
        Path dir = Files.createDirectory(runsDir.resolve("first-line"));
        Process process = WorkerCommand.forCurrentJvm().processFor(run, dir, WorkerMemory.forParallel(2))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            assertNotNull(line, "the worker wrote nothing");
            return reprolab.experiment.Json.mapper().readTree(line).path(EventCodec.FORMAT_FIELD).asInt(1);
        } finally {
            process.destroyForcibly();
        }
    }

    private LayerShapes.Layer layer(String name) {
        ModelSpec model;
        try {
            model = spec().model();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return LayerShapes.compute(model.layers(), ModelSpec.ROWS, ModelSpec.COLS, ModelSpec.CLASSES).layers().stream()
                .filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    private Divergence divergence(String other) {
        ExperimentReport report = ExperimentAnalysis.analyse(List.of(runs.get("base"), runs.get(other)), 0);
        assertFalse(report.identical(), other + " should differ from base");
        return report.firstDivergence();
    }

    private static double distance(ParameterSeries a, ParameterSeries b, int iteration) {
        double[] perLayer = ParameterDistance.perLayerAndModel(a.at(iteration), b.at(iteration));
        return perLayer[perLayer.length - 1];
    }
}
