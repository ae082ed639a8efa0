package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import reprolab.data.DataException;
import reprolab.data.ExampleLoader;
import reprolab.data.Examples;
import reprolab.data.EpochOrder;
import reprolab.data.Split;
import reprolab.data.StratifiedSplit;
import reprolab.events.EpochEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.StartedEvent;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.PerturbationSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * One training run, start to finish, reporting every step through an {@link EventWriter}. Each
 * source of randomness has its own seed: weight init (network seed), dropout ({@link SeededDropout}),
 * the epoch order ({@link EpochOrder}), the split ({@link StratifiedSplit}) and the perturbation.
 * Everything runs on the calling thread, because ND4J's default generator is per thread.
 */
public final class Trainer {

    private final RunSpec run;
    private final EventWriter events;
    private final Path snapshotFile;
    private SnapshotWriter snapshots;

    public Trainer(RunSpec run, EventWriter events) {
        this(run, events, null);
    }

    /**
     * @param snapshotFile where parameter snapshots go when {@code runs.snapshotEvery} is above 0
     *                     ({@code runs/<id>.params}); null writes none
     */
    public Trainer(RunSpec run, EventWriter events, Path snapshotFile) {
        this.run = run;
        this.events = events;
        this.snapshotFile = snapshotFile;
    }

    /** Trains and writes started, iteration, epoch and finished events; throws for a failed run. */
    public void run() throws TrainingFailure {
        try {
            train();
        } finally {
            closeSnapshots();
        }
    }

    private void train() throws TrainingFailure {
        long startNanos = System.nanoTime();
        ExperimentSpec spec = run.spec();
        ResolvedSeeds seeds = run.seeds();
        NativeSettings.apply(spec.execution());
        warnOnBackendFallback(spec);
        Examples examples = load(spec);
        Split split = split(examples, spec, seeds);
        Batches batches = new Batches(examples, spec.execution().dataType());
        MultiLayerNetwork net = ModelFactory.create(spec.model(), spec.execution().dataType(), seeds.weightInit(),
                seeds.dropout(), examples.rows(), examples.cols(), examples.classes());
        Fingerprinter fingerprints = new Fingerprinter(net);
        int batchSize = spec.model().batchSize();
        int perEpoch = (split.train().length + batchSize - 1) / batchSize;
        events.write(new StartedEvent(run.runId(), ProvenanceCollector.collect(run, fingerprints.layerNames(),
                perEpoch * spec.model().epochs())));
        events.write(iteration(0, 0, null, null, fingerprints, perturbIfDue(net, spec.perturbation(), 0)));
        openSnapshots(net, spec.runs().snapshotEvery());
        snapshot(0, false);

        FaultInjection faults = FaultInjection.fromEnvironment();
        BatchAccuracyListener accuracy = new BatchAccuracyListener();
        net.setListeners(accuracy);
        Validation validation = new Validation(batches, split.validation());
        EarlyStopping<INDArray> stopping = new EarlyStopping<>(spec.model().earlyStopping());
        long trainNanos = 0;
        int k = 0;
        KernelThreadGrants grants = KernelThreadGrants.forRun(spec.execution().threadInvariant());
        Validation.Result last = null;
        for (int epoch = 0; epoch < spec.model().epochs() && !stopping.shouldStop(); epoch++) {
            int[] order = EpochOrder.permutation(split.train().length, seeds.shuffle(), epoch);
            for (int from = 0; from < order.length; from += batchSize) {
                long t = System.nanoTime();
                int to = Math.min(order.length, from + batchSize);
                DataSet batch = batches.batch(split.train(), order, from, to);
                accuracy.expect(batches.labels(chosen(split.train(), order, from, to)));
                grants.poll();
                net.fit(batch);
                k++;
                double loss = faults.atIteration(k, net.score());
                if (!Double.isFinite(loss)) {
                    throw new TrainingFailure(FailureCause.DIVERGED, "loss diverged to " + (Double.isNaN(loss) ? "NaN" : loss) + " at iteration " + k, k);
                }
                int perturbed = perturbIfDue(net, spec.perturbation(), k);
                events.write(iteration(k, epoch, loss, accuracy.accuracy(), fingerprints, perturbed));
                snapshot(k, false);
                trainNanos += System.nanoTime() - t;
            }
            last = validation.evaluate(net);
            events.write(new EpochEvent(epoch, k, last.loss(), last.accuracy()));
            stopping.afterEpoch(epoch, last.loss(), () -> net.params().dup());
        }
        snapshot(k, true); // the trajectory's end, before early stopping may restore earlier weights
        INDArray best = stopping.weightsToRestore();
        if (best != null) {
            net.setParams(best);
            last = validation.evaluate(net);
        }
        long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
        events.write(new FinishedEvent(fingerprints.model(), k, wallMs, k == 0 ? 0 : trainNanos / 1e6 / k,
                last.loss(), last.accuracy(), stopping.stoppedEarly(), stopping.restoredEpoch(), kernelCounts(grants)));
    }

    private void openSnapshots(MultiLayerNetwork net, int every) throws TrainingFailure {
        if (every > 0 && snapshotFile != null) {
            try {
                snapshots = SnapshotWriter.open(net, every, snapshotFile);
            } catch (java.io.IOException e) {
                throw new TrainingFailure(FailureCause.ERROR, "cannot write parameter snapshots to " + snapshotFile
                        + ": " + e.getMessage(), 0);
            }
        }
    }

    private void snapshot(int k, boolean end) throws TrainingFailure {
        if (snapshots == null) {
            return;
        }
        try {
            if (end) {
                snapshots.atEnd(k);
            } else {
                snapshots.atIteration(k);
            }
        } catch (java.io.IOException e) {
            throw new TrainingFailure(FailureCause.ERROR, "cannot write the parameter snapshot of iteration " + k
                    + " to " + snapshotFile + ": " + e.getMessage(), k);
        }
    }

    private void closeSnapshots() {
        try {
            if (snapshots != null) {
                snapshots.close();
            }
        } catch (java.io.IOException e) {
            System.err.println("reprolab worker: closing " + snapshotFile + ": " + e.getMessage());
        }
    }

    /** A CUDA run on a machine without a usable GPU trains on the CPU; provenance records which. */
    private static void warnOnBackendFallback(ExperimentSpec spec) {
        String backend = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
        if (spec.execution().backend() == reprolab.experiment.Backend.CUDA && !backend.contains("Cu")) {
            System.err.println("reprolab worker: the cuda backend was asked for but is not usable here; training on "
                    + backend + " instead");
        }
    }

    private static Examples load(ExperimentSpec spec) throws TrainingFailure {
        try {
            return ExampleLoader.load(spec.data());
        } catch (DataException e) {
            throw new TrainingFailure(FailureCause.ERROR, e.getMessage(), -1);
        }
    }

    private static Split split(Examples examples, ExperimentSpec spec, ResolvedSeeds seeds) throws TrainingFailure {
        try {
            return StratifiedSplit.split(examples.labels(), examples.classes(), spec.data().trainSize(),
                    spec.data().validationSize(), seeds.split());
        } catch (DataException e) {
            throw new TrainingFailure(FailureCause.ERROR, e.getMessage(), -1);
        }
    }

    private static int[] chosen(int[] indices, int[] order, int from, int to) {
        int[] result = new int[to - from];
        for (int i = from; i < to; i++) {
            result[i - from] = indices[order[i]];
        }
        return result;
    }

    private static int perturbIfDue(MultiLayerNetwork net, PerturbationSpec perturbation, int iteration) {
        return perturbation.enabled() && perturbation.iteration() == iteration ? Perturber.apply(net, perturbation) : 0;
    }

    private static IterationEvent iteration(int k, int epoch, Double loss, Double accuracy, Fingerprinter fingerprints,
                                            int perturbed) {
        List<LayerFingerprint> layers = fingerprints.layers();
        return new IterationEvent(k, epoch, loss, accuracy, layers, Fingerprinter.modelHash(layers), perturbed);
    }

    /** Our kernels' call counts, and for a thread-invariant run the most threads they were lent. */
    private static java.util.Map<String, Long> kernelCounts(KernelThreadGrants grants) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>(KernelCalls.snapshot());
        if (grants.most() > 0) {
            counts.put(KERNEL_THREADS_MOST, (long) grants.most());
        }
        return counts;
    }

    /** The finished event's entry with the most threads a thread-invariant run's kernels were lent. */
    static final String KERNEL_THREADS_MOST = "kernelThreads.most";
}
