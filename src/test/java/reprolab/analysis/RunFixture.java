package reprolab.analysis;

import reprolab.events.EpochEvent;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds hand-made run histories. Every run follows the same "lineage" of parameters unless told to
 * part: {@link #divergeAt} changes one layer at iteration k and, as in real training, every layer
 * from k+1 on.
 */
final class RunFixture {

    static final List<String> LAYERS = List.of("conv_0", "conv_1", "dense_0", "output");

    private final String id;
    private int iterations = 10;
    private int divergeIteration = Integer.MAX_VALUE;
    private int divergeLayer;
    private String tag = "";
    private final Map<Integer, Double> losses = new HashMap<>();
    private double lossOffset;
    private ExperimentSpec spec = ExperimentSpec.defaults();
    private ResolvedSeeds seeds = new ResolvedSeeds(42, 42, 42, 42);
    private Map<String, String> environment = Map.of("OMP_NUM_THREADS", "1");
    private boolean started = true;
    private String end = "finished";
    private double valAccuracy = 0.9;
    private double valLoss = 0.3;
    private String finalHash;
    private String failReason;
    private FailureCause failCause;

    private RunFixture(String id) {
        this.id = id;
    }

    static RunFixture run(String id) {
        return new RunFixture(id);
    }

    /** Reports iterations 0..n. */
    RunFixture iterations(int n) {
        this.iterations = n;
        return this;
    }

    /** From iteration k, layer {@code layer} (and from k+1 every layer) differs, labelled {@code tag}. */
    RunFixture divergeAt(int k, int layer, String tag) {
        this.divergeIteration = k;
        this.divergeLayer = layer;
        this.tag = tag;
        return this;
    }

    RunFixture loss(int iteration, double value) {
        losses.put(iteration, value);
        return this;
    }

    /** Adds {@code offset} to every default loss from iteration 1 on. */
    RunFixture lossOffset(double offset) {
        this.lossOffset = offset;
        return this;
    }

    RunFixture spec(ExperimentSpec s) {
        this.spec = s;
        return this;
    }

    RunFixture seeds(ResolvedSeeds s) {
        this.seeds = s;
        return this;
    }

    RunFixture environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    RunFixture notStarted() {
        this.started = false;
        return this;
    }

    RunFixture val(double accuracy, double loss) {
        this.valAccuracy = accuracy;
        this.valLoss = loss;
        return this;
    }

    RunFixture finalHash(String hash) {
        this.finalHash = hash;
        return this;
    }

    RunFixture incomplete() {
        this.end = "none";
        return this;
    }

    RunFixture failed(String reason, FailureCause cause) {
        this.end = "failed";
        this.failReason = reason;
        this.failCause = cause;
        return this;
    }

    RunHistory build() {
        StartedEvent startedEvent = started ? new StartedEvent(id, provenance()) : null;
        List<IterationEvent> events = new ArrayList<>();
        for (int k = 0; k <= iterations; k++) {
            events.add(iteration(k));
        }
        String lastModel = events.isEmpty() ? "none" : events.get(events.size() - 1).modelHash();
        List<EpochEvent> epochs = iterations > 0 ? List.of(new EpochEvent(0, iterations, valLoss, valAccuracy)) : List.of();
        FinishedEvent finished = "finished".equals(end) ? new FinishedEvent(finalHash == null ? lastModel : finalHash,
                iterations, 1000, 95.0, valLoss, valAccuracy, false, -1) : null;
        FailedEvent failed = "failed".equals(end) ? new FailedEvent(failReason, iterations, failCause) : null;
        return new RunHistory(id, startedEvent, events, epochs, finished, failed, List.of());
    }

    private Provenance provenance() {
        return new Provenance("spec-hash", spec, seeds, environment, "CpuBackend", "linux-x86_64",
                spec.execution().helpers(), "test CPU", "Linux amd64", "17", Map.of("dl4j", "1.0.0-M2.1"),
                LAYERS, iterations);
    }

    private IterationEvent iteration(int k) {
        List<LayerFingerprint> layers = new ArrayList<>();
        StringBuilder model = new StringBuilder();
        for (int l = 0; l < LAYERS.size(); l++) {
            boolean differs = k > divergeIteration || (k == divergeIteration && l == divergeLayer);
            String hash = LAYERS.get(l) + "@" + k + (differs ? "#" + tag : "");
            layers.add(new LayerFingerprint(LAYERS.get(l), hash, 1.0 + l + (differs ? 0.5 : 0.0)));
            model.append(hash).append('|');
        }
        Double loss = k == 0 ? null : losses.getOrDefault(k, 2.0 / k + lossOffset);
        Double accuracy = k == 0 ? null : 0.1 + 0.05 * k;
        return new IterationEvent(k, 0, loss, accuracy, layers, model.toString(), 0);
    }
}
