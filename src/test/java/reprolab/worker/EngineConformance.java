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
        return WorkerProcesses.runSpec(id, spec("model.epochs=6", "model.learningRate=" + learningRate,
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

    /**
     * SpecValidator's promise, on this engine: every field of the experiment file either changes the run's
     * bits or its provenance when set to another accepted value (a real run each, compared with base), or
     * its effect is on the plan (which runs, which seeds), or the validator refuses it here with the reason.
     * The list of fields is read from the spec records: a new field fails this test until it is added.
     */
    @Test
    void everyFieldOfTheExperimentFileChangesSomethingOrIsRefusedWithItsReason() throws Exception {
        // the sample's files under other names: the same digits, so the proof is the provenance's checksums by path
        Path images = Files.copy(Path.of("sample-data", "mnist-10k-images-idx3-ubyte.gz"), runsDir.resolve("images.gz"));
        Path labels = Files.copy(Path.of("sample-data", "mnist-10k-labels-idx1-ubyte.gz"), runsDir.resolve("labels.gz"));
        String other = engine() == Engine.PYTORCH ? "dl4j" : "pytorch";
        Map<String, ExperimentSpec> byRun = new java.util.LinkedHashMap<>();
        Map<String, String> against = new java.util.HashMap<>();
        byRun.put("data.source", spec("data.source=synthetic"));
        byRun.put("data.trainSize", spec("data.trainSize=100"));
        byRun.put("data.validationSize", spec("data.validationSize=60"));
        byRun.put("data.imagesPath", spec("data.source=idx", "data.imagesPath=" + images, "data.labelsPath=" + labels));
        ModelSpec m = spec().model();
        byRun.put("model.name", spec().withModel(new ModelSpec(reprolab.experiment.ModelName.TINY, m.epochs(),
                m.batchSize(), m.learningRate(), m.initializer(), m.earlyStopping())));
        byRun.put("model.epochs", spec("model.epochs=2"));
        byRun.put("model.batchSize", spec("model.batchSize=30"));
        byRun.put("model.learningRate", spec("model.learningRate=0.01"));
        byRun.put("model.initializer", spec("model.initializer=he-normal"));
        List<reprolab.experiment.LayerSpec> layers = new java.util.ArrayList<>(m.layers());
        layers.set(5, reprolab.experiment.LayerSpec.dense(8, "tanh"));
        byRun.put("model.layers", spec().withModel(m.withLayers(layers)));
        byRun.put("execution.threads", spec("execution.threads=2"));
        byRun.put("execution.helpers", spec("execution.helpers=false"));
        byRun.put("execution.dataType", spec("execution.dataType=double"));
        byRun.put("execution.backend", spec("execution.backend=cuda"));
        byRun.put("execution.engine", spec("execution.engine=" + other));
        if (engine() == Engine.DL4J) { // refused on PyTorch, below
            byRun.put("execution.threadInvariant", spec("execution.threads=2", "execution.threadInvariant=true"));
            against.put("execution.threadInvariant", "execution.threads");
        }
        byRun.put("perturbation.iteration", perturbed("perturbation.iteration=1"));
        byRun.put("perturbation.layer", perturbed("perturbation.layer=conv_0"));
        byRun.put("perturbation.epsilon", perturbed("perturbation.epsilon=0.001"));
        byRun.put("perturbation.fraction", perturbed("perturbation.fraction=0.5"));
        byRun.put("perturbation.seed", perturbed("perturbation.seed=8"));
        byRun.keySet().stream().filter(f -> f.startsWith("perturbation.")).forEach(f -> against.put(f, "perturbed"));
        for (String rate : List.of("0.5", "5")) {
            byRun.put("model.earlyStopping.restoreBest@" + rate, earlyWith(rate, "model.earlyStopping.restoreBest=false"));
            byRun.put("model.earlyStopping.patience@" + rate, earlyWith(rate, "model.earlyStopping.patience=3"));
            against.put("model.earlyStopping.restoreBest@" + rate, "early-" + rate);
            against.put("model.earlyStopping.patience@" + rate, "early-" + rate);
        }
        List<reprolab.experiment.RunSpec> specs = new java.util.ArrayList<>();
        for (Map.Entry<String, ExperimentSpec> e : byRun.entrySet()) {
            reprolab.experiment.SpecValidator.validateOrThrow(e.getValue());
            specs.add(WorkerProcesses.runSpec(e.getKey().replaceAll("[^A-Za-z0-9-]", "-"), e.getValue(), BASE));
        }
        List<RunHistory> results = WorkerProcesses.run(specs);
        Map<String, String> effects = new java.util.TreeMap<>();
        int i = 0;
        for (String field : byRun.keySet()) {
            String referenceName = against.getOrDefault(field, "base");
            RunHistory reference = byRun.containsKey(referenceName)
                    ? results.get(List.copyOf(byRun.keySet()).indexOf(referenceName)) : runs.get(referenceName);
            String effect = difference(reference, results.get(i++));
            if (effect != null) { // an early-stopping field needs to act at one of the two learning rates
                effects.merge(field.replaceAll("@.*", ""), effect, (a, b) -> a + "; " + b);
            }
        }
        effects.put("data.labelsPath", effects.get("data.imagesPath"));
        // seen in the suite's own runs: perturbation on at all, early stopping on at all, snapshots
        effects.put("perturbation.enabled", difference(runs.get("base"), runs.get("perturbed")));
        effects.put("model.earlyStopping.enabled", runs.get("early-0.5").finished().stoppedEarly()
                || runs.get("early-5").finished().stoppedEarly() ? "stopped early" : null);
        effects.put("runs.snapshotEvery", Files.exists(runsDir.resolve("base.params"))
                && !Files.exists(runsDir.resolve("early-5.params")) ? "writes runs/<id>.params" : null);
        planEffects(effects);
        refusedHere(effects, "execution.deterministicAlgorithms", "execution.deterministicAlgorithms=true");
        refusedHere(effects, "execution.cudnnBenchmark", "execution.cudnnBenchmark=true");
        if (engine() == Engine.PYTORCH) {
            refusedHere(effects, "execution.threadInvariant", "execution.threadInvariant=true");
        }
        // a script experiment's own section (issue 24): each field acts on real scripts in ScriptCommandTest
        // (seed, hash seed, args, time limit, replay's checksum); on DL4J the section is refused outright
        for (String field : SpecFields.all()) {
            if (field.startsWith("script.")) {
                effects.put(field, "a script experiment's setting (ScriptCommandTest)");
            }
        }
        for (String field : SpecFields.all()) {
            assertNotNull(effects.get(field), field + ": no effect proven on " + engine().json() + " (" + effects + ")");
        }
    }

    private ExperimentSpec perturbed(String change) throws Exception {
        return spec("perturbation.enabled=true", "perturbation.iteration=2", "perturbation.layer=dense_0", change);
    }

    private ExperimentSpec earlyWith(String rate, String change) throws Exception {
        return spec("model.epochs=6", "model.learningRate=" + rate, "runs.snapshotEvery=0",
                "model.earlyStopping.enabled=true", "model.earlyStopping.patience=1",
                "model.earlyStopping.restoreBest=true", change);
    }

    /** Fields whose effect is on which runs are made and with which seeds, shown on the plan itself. */
    private void planEffects(Map<String, String> effects) throws Exception {
        ExperimentSpec spec = spec();
        effects.put("runs.repeats", reprolab.run.Planner.repeats(spec, 3).size() == 3 ? "3 runs planned" : null);
        effects.put("runs.parallel", "how many run at once: scheduling by design, never the bits (ExperimentRunnerTest)");
        effects.put("name", SpecJson.hash(spec.withName("other")).equals(SpecJson.hash(spec)) ? null : "spec hash");
        effects.put("schemaVersion", "the file format read; any other version is refused (SpecJsonTest)");
        for (reprolab.experiment.SeedKind kind : reprolab.experiment.SeedKind.values()) {
            String f = "seeds." + kind.field();
            ExperimentSpec fixed = SpecOverrides.apply(spec, List.of(f + ".enabled=true", f + ".value=5"));
            ExperimentSpec drawn = SpecOverrides.apply(spec, List.of(f + ".enabled=false"));
            List<reprolab.experiment.RunSpec> two = reprolab.run.Planner.repeats(drawn, 2);
            effects.put(f + ".value", seed(reprolab.run.Planner.repeats(fixed, 1).get(0).seeds(), kind) == 5
                    ? "the " + kind.field() + " seed the run uses" : null);
            effects.put(f + ".enabled", seed(two.get(0).seeds(), kind) != seed(two.get(1).seeds(), kind)
                    ? "a fresh seed per run" : null);
        }
    }

    private static long seed(ResolvedSeeds seeds, reprolab.experiment.SeedKind kind) {
        return switch (kind) {
            case WEIGHT_INIT -> seeds.weightInit();
            case DROPOUT -> seeds.dropout();
            case SHUFFLE -> seeds.shuffle();
            case SPLIT -> seeds.split();
        };
    }

    /** A field this engine cannot act on here: refused by the validator, naming the field and why. */
    private void refusedHere(Map<String, String> effects, String field, String override) throws Exception {
        try {
            spec(override);
            effects.put(field, null);
        } catch (reprolab.experiment.SpecException e) {
            effects.put(field, e.getMessage().contains("'" + field + "'") && e.getMessage().length() > field.length() + 40
                    ? "refused here: " + e.getMessage() : null);
        }
    }

    /** What differs between two runs (bits, length, outcome or provenance beyond the spec), or null. */
    private static String difference(RunHistory a, RunHistory b) {
        if (a.status() != b.status()) {
            return "outcome " + b.status() + (b.failed() == null ? "" : ": " + b.failed().reason());
        }
        if (a.iterations().size() != b.iterations().size()) {
            return "iterations " + a.iterations().size() + " -> " + b.iterations().size();
        }
        for (int k = 0; k < a.iterations().size(); k++) {
            if (!a.iterations().get(k).modelHash().equals(b.iterations().get(k).modelHash())) {
                return "bits from iteration " + k;
            }
        }
        if (a.finished() != null && b.finished() != null && (a.finished().valLoss() != b.finished().valLoss()
                || a.finished().restoredEpoch() != b.finished().restoredEpoch())) {
            return "validation loss or restored epoch";
        }
        Provenance p = a.started().provenance();
        Provenance q = b.started().provenance();
        if (!p.environment().equals(q.environment()) || p.helpersActive() != q.helpersActive()
                || !p.backend().equals(q.backend()) || !p.dataChecksums().keySet().equals(q.dataChecksums().keySet())) {
            return "provenance";
        }
        return null;
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
