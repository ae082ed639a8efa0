package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import reprolab.data.DataException;
import reprolab.data.EpochOrder;
import reprolab.data.ExampleLoader;
import reprolab.data.Examples;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times the parts of a training iteration in a JVM of its own (the benchmark starts one per thread
 * count, since libnd4j reads its thread settings once per process). For each measured batch it times
 * {@code fit} (the whole iteration) and, from inside that same call ({@link PhaseClock}), its forward
 * pass, backward pass, updater step and the rest, which add up to the fit time; then the fingerprints
 * the worker computes after every update; and, apart, the building of each batch from the examples (our
 * own per-iteration allocation, outside DL4J). It also samples the process's resident memory after
 * every measured iteration and its peak. Prints one JSON object on stdout.
 *
 * <p>Usage: {@code IterationProfiler SPEC.json WARMUP MEASURED [reprolab|dl4j] [ops]}: the fourth argument
 * picks our kernels (the default, as the worker) or DL4J's own ({@link ModelFactory.Kernels}), for a
 * before/after; {@code ops} then runs {@link #OP_PROFILE_FITS} more {@code fit} calls under ND4J's op
 * profiler and prints its dashboard (time per native op) on standard error: where the time goes.
 */
public final class IterationProfiler {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** fit calls timed op by op when asked: enough for stable per-op totals, few enough to stay quick. */
    static final int OP_PROFILE_FITS = 20;

    private IterationProfiler() {
    }

    public static void main(String[] args) throws SpecException, DataException, IOException {
        ExperimentSpec spec = SpecJson.read(Path.of(args[0]));
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        ModelFactory.Kernels kernels = args.length > 3 && args[3].equals("dl4j") ? ModelFactory.Kernels.DL4J
                : ModelFactory.Kernels.REPROLAB;
        NativeSettings.apply(spec.execution());
        Examples examples = ExampleLoader.load(spec.data());
        MultiLayerNetwork net = ModelFactory.create(spec.model(), spec.execution().dataType(), 1, 2,
                examples.rows(), examples.cols(), examples.classes(), kernels);
        Fingerprinter fingerprints = new Fingerprinter(net);
        PhaseClock clock = new PhaseClock();
        net.setListeners(clock);
        long startupMs = ManagementFactory.getRuntimeMXBean().getUptime();
        BatchCycle cycle = BatchCycle.of(examples, spec);
        double[][] samples = measure(net, cycle, fingerprints, clock, warmup, measured);
        System.out.println(Json.mapper().writeValueAsString(report(spec, startupMs, samples,
                net.getLayerWiseConfigurations().getCacheMode().name(), kernels)));
        if (args.length > 4 && args[4].equals("ops")) {
            profileOps(net, cycle);
        }
    }

    /** ND4J's own op profiler over a few more iterations; its dashboard goes to the log (standard error). */
    private static void profileOps(MultiLayerNetwork net, BatchCycle cycle) {
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        OpProfiler.getInstance().reset();
        for (int k = 0; k < OP_PROFILE_FITS; k++) {
            net.fit(cycle.batch(k));
        }
        System.err.println("=== ND4J op profile: " + OP_PROFILE_FITS + " fit calls; divide the op times by "
                + OP_PROFILE_FITS + " for ms per iteration. Java-side work (our Adam step and ReLU backward) is not listed. ===");
        // The dashboard is logged, and this app's simple logger writes to standard output, which must
        // stay one JSON document: send it to standard error for the moment.
        PrintStream json = System.out;
        System.setOut(System.err);
        try {
            OpProfiler.getInstance().printOutDashboard();
        } finally {
            System.setOut(json);
        }
    }

    /** The profiler's batches: the k-th batch of all examples in one fixed shuffled order, wrapping around. */
    private record BatchCycle(Batches batches, int[] all, int[] order, int batchSize) {

        static BatchCycle of(Examples examples, ExperimentSpec spec) {
            int[] all = new int[examples.labels().length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return new BatchCycle(new Batches(examples, spec.execution().dataType()), all,
                    EpochOrder.permutation(all.length, 3, 0), spec.model().batchSize());
        }

        DataSet batch(int k) {
            int from = (k * batchSize) % (all.length - batchSize);
            return batches.batch(all, order, from, from + batchSize);
        }
    }

    /** The rows of {@link #measure}'s samples, in order. */
    static final String[] ROWS = {"fitMs", "forwardMs", "backwardMs", "updaterMs", "otherMs", "fingerprintMs",
        "fitCpuMs", "batchMs", "rssMb", "heapCommittedMb"};

    /** One row per name in {@link #ROWS}, a column per measured batch. */
    private static double[][] measure(MultiLayerNetwork net, BatchCycle cycle, Fingerprinter fingerprints,
                                      PhaseClock clock, int warmup, int measured) {
        double[][] samples = new double[ROWS.length][measured];
        for (int k = 0; k < warmup + measured; k++) {
            long t0 = System.nanoTime();
            DataSet batch = cycle.batch(k);
            double batchMs = (System.nanoTime() - t0) / 1e6;
            double[] times = timeOneIteration(net, batch, fingerprints, clock);
            if (k >= warmup) {
                for (int part = 0; part < times.length; part++) {
                    samples[part][k - warmup] = times[part];
                }
                samples[ROWS.length - 3][k - warmup] = batchMs;
                samples[ROWS.length - 2][k - warmup] = ResidentMemory.currentMb();
                // the part of the resident size that is the Java heap G1 has committed (it grows lazily)
                samples[ROWS.length - 1][k - warmup] = Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
            }
        }
        return samples;
    }

    /**
     * ms of: fit, its forward, backward, updater and other phases, the fingerprints, and the CPU time of
     * this thread during fit. At 1 thread the math runs on this thread, so its CPU time is the iteration's
     * work without the time spent descheduled: a busy machine inflates it less than wall time (not zero:
     * neighbours still share caches). At 2 threads the other math thread is not counted.
     */
    private static double[] timeOneIteration(MultiLayerNetwork net, DataSet batch, Fingerprinter fingerprints,
                                             PhaseClock clock) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        clock.start();
        net.fit(batch);
        PhaseClock.Phases phases = clock.stop();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Fingerprinter.modelHash(fingerprints.layers());
        long t1 = System.nanoTime();
        return new double[]{phases.totalMs(), phases.forwardMs(), phases.backwardMs(), phases.updaterMs(),
            phases.otherMs(), (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6};
    }

    private static Map<String, Object> report(ExperimentSpec spec, long startupMs, double[][] samples,
                                              String cacheMode, ModelFactory.Kernels kernels) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("threads", spec.execution().threads());
        report.put("nativeBuild", ProvenanceCollector.nativeBuild());
        report.put("helpersActive", NativeSettings.helpersActive());
        report.put("threadInvariant", spec.execution().threadInvariant());
        report.put("cacheMode", cacheMode);
        report.put("kernels", kernels.name().toLowerCase(java.util.Locale.ROOT));
        report.put("kernelSelfCheck", KernelSelfCheck.forRun(spec.model().learningRate(),
                spec.execution().dataType()).describe());
        report.put("startupMs", startupMs);
        for (int row = 0; row < ROWS.length; row++) {
            report.put(ROWS[row], samples[row]);
        }
        report.put("peakRssMb", ResidentMemory.peakMb());
        return report;
    }
}
