package reprolab.worker;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import reprolab.experiment.DataTypeName;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * Decides, once per worker, whether our Java kernels ({@link ChunkedAdam}, {@link ChunkedRelu}) may
 * replace DL4J's: they must give the bits the loaded libnd4j build gives. They were written for, and
 * tested against, the shipped generic {@code -onednn} build; another build (a packager's
 * {@code -onednn-avx512}, compiled with fused multiply-adds) may compute Adam's step differently, and a
 * run must never change silently. So before the first network is built, both are run side by side on
 * a fixed sample (a few milliseconds); on any difference the worker uses DL4J's own kernels and the
 * run's provenance says why ({@code versions.kernels}).
 */
final class KernelSelfCheck {

    /** Iterations of the Adam sample: 0, 1, and 3,605, where Java's and libnd4j's {@code pow} once disagreed. */
    private static final int[] ADAM_ITERATIONS = {0, 1, 3605};

    /** Verdicts by learning rate and data type: a worker runs one spec, so this holds one entry. */
    private static final java.util.Map<String, Verdict> VERDICTS = new java.util.HashMap<>();

    /** Which kernels to use, and why. */
    record Verdict(ModelFactory.Kernels kernels, String reason) {
        String describe() {
            return kernels == ModelFactory.Kernels.REPROLAB ? "reprolab (" + reason + ")" : "dl4j (" + reason + ")";
        }
    }

    private KernelSelfCheck() {
    }

    /** The verdict for the default settings (Adam 1e-3, float), for the benchmark and the tests. */
    static Verdict forThisBuild() {
        return forRun(1e-3, DataTypeName.FLOAT);
    }

    /**
     * The verdict for this JVM's libnd4j build with the run's own Adam configuration (the one
     * {@link ModelFactory#adam} builds: learning rate, betas, epsilon) and data type, checked on first
     * use. A sample at other settings could pass where the run's do not (a step size that rounds
     * differently); our kernels handle plain floats only, so a double-precision run uses DL4J's,
     * and says so, instead of claiming kernels that would fall back on every call.
     */
    static synchronized Verdict forRun(double learningRate, DataTypeName dataType) {
        return VERDICTS.computeIfAbsent(learningRate + "/" + dataType, key -> dataType == DataTypeName.DOUBLE
                ? new Verdict(ModelFactory.Kernels.DL4J, "double precision: our kernels are float-only")
                : decide(ModelFactory.adam(learningRate, ModelFactory.Kernels.DL4J),
                        ModelFactory.adam(learningRate, ModelFactory.Kernels.REPROLAB), new ActivationReLU(),
                        new ChunkedRelu()));
    }

    /** Compares each candidate with its reference; any difference, or any failure, selects DL4J's kernels. */
    static Verdict decide(IUpdater referenceUpdater, IUpdater candidateUpdater, IActivation referenceRelu,
                          IActivation candidateRelu) {
        try {
            Optional<String> adam = adamDifference(referenceUpdater, candidateUpdater, PlainFloats.CHUNK + 13,
                    ADAM_ITERATIONS, 20261129);
            if (adam.isPresent()) {
                return new Verdict(ModelFactory.Kernels.DL4J, "self-check: " + adam.get());
            }
            Optional<String> relu = reluDifference(referenceRelu, candidateRelu, RELU_SAMPLE);
            if (relu.isPresent()) {
                return new Verdict(ModelFactory.Kernels.DL4J, "self-check: " + relu.get());
            }
            return new Verdict(ModelFactory.Kernels.REPROLAB, "self-check passed: same bits as this libnd4j build");
        } catch (RuntimeException e) {
            return new Verdict(ModelFactory.Kernels.DL4J, "self-check failed to run: " + e);
        }
    }

    /**
     * Runs both updaters, each from zero state laid out as a network's updater block (m then v), on
     * the same gradients of {@code length} parameters spanning nine orders of magnitude, at the given
     * iterations in turn; the first update, m or v that differs in any bit, if any.
     */
    static Optional<String> adamDifference(IUpdater reference, IUpdater candidate, int length, int[] iterations,
                                           long seed) {
        GradientUpdater<?> expected = reference.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * length), true);
        GradientUpdater<?> actual = candidate.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * length), true);
        Random random = new Random(seed);
        for (int iteration : iterations) {
            float[] gradient = new float[length];
            for (int i = 0; i < length; i++) {
                gradient[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
            }
            INDArray a = Nd4j.createFromArray(new float[][] {gradient});
            INDArray b = a.dup();
            expected.applyUpdater(a, iteration, 0);
            actual.applyUpdater(b, iteration, 0);
            Optional<String> difference = firstDifference(a, b, "Adam update at iteration " + iteration)
                    .or(() -> firstDifference(((AdamUpdater) expected).getM(), ((AdamUpdater) actual).getM(),
                            "Adam first moment at iteration " + iteration))
                    .or(() -> firstDifference(((AdamUpdater) expected).getV(), ((AdamUpdater) actual).getV(),
                            "Adam second moment at iteration " + iteration));
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }

    /** Values where a ReLU backward pass can go wrong: signed zeros, NaN, infinities, subnormals, extremes. */
    private static final float[] RELU_SAMPLE = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f, 3.5e-20f, -7.25e12f};

    /**
     * Both backward passes on every pair (z, dL/da) of the given values, as one square matrix; the
     * first element that differs in any bit, if any.
     */
    static Optional<String> reluDifference(IActivation reference, IActivation candidate, float[] values) {
        int n = values.length;
        float[] z = new float[n * n];
        float[] g = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i * n + j] = values[i];
                g[i * n + j] = values[j];
            }
        }
        INDArray zs = Nd4j.createFromArray(z).reshape(n, n);
        INDArray gs = Nd4j.createFromArray(g).reshape(n, n);
        INDArray expected = reference.backprop(zs.dup(), gs.dup()).getFirst();
        INDArray actual = candidate.backprop(zs.dup(), gs.dup()).getFirst();
        return firstDifference(expected, actual, "ReLU backward");
    }

    /**
     * The first element, in memory order of a flat copy, whose bits differ (shapes aside), if any:
     * float arrays compare their 32-bit patterns, anything else its doubles' 64-bit patterns.
     */
    static Optional<String> firstDifference(INDArray expected, INDArray actual, String what) {
        if (expected.length() != actual.length() || expected.dataType() != actual.dataType()) {
            return Optional.of(what + ": " + expected.dataType() + "[" + expected.length() + "] vs "
                    + actual.dataType() + "[" + actual.length() + "]");
        }
        long[] e = bits(expected);
        long[] a = bits(actual);
        for (int i = 0; i < e.length; i++) {
            if (e[i] != a[i]) {
                return Optional.of(what + " differs at element " + i + " (bits " + Long.toHexString(e[i]) + " vs "
                        + Long.toHexString(a[i]) + ")");
            }
        }
        return Optional.empty();
    }

    /** Raw bit patterns of a flat copy: floats read as floats (no widening, which would quiet NaNs), else doubles. */
    private static long[] bits(INDArray array) {
        INDArray flat = array.dup().reshape(array.length());
        if (array.dataType() == DataType.FLOAT) {
            float[] floats = flat.toFloatVector();
            long[] bits = new long[floats.length];
            for (int i = 0; i < floats.length; i++) {
                bits[i] = Float.floatToRawIntBits(floats[i]) & 0xffffffffL;
            }
            return bits;
        }
        return Arrays.stream(flat.toDoubleVector()).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
