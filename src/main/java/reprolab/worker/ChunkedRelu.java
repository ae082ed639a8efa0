package reprolab.worker;

import org.bytedeco.javacpp.IntPointer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's plain ReLU whose backward pass, {@code dL/dz = z > 0 ? dL/da : 0}, runs in Java instead of
 * libnd4j's {@code relu_bp}, which calls a non-inlined lambda per element (~2.5 ms per conv layer
 * of seed-cnn, 25 times a plain copy of the same array).
 *
 * <p>Same result, bit for bit, including NaN, signed zeros and infinities (ChunkedReluTest): the
 * condition is evaluated on the raw bit patterns so that the JIT can vectorise it; the output is a
 * new array, as DL4J's, and the input is left alone. The forward pass is DL4J's.
 */
public final class ChunkedRelu extends ActivationReLU {

    /** Largest bit pattern of a float greater than zero: +infinity (NaNs lie above it). */
    private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        if (!PlainFloats.plain(in, epsilon)) {
            KernelCalls.RELU_BACKWARD.fellBack();
            return super.backprop(in, epsilon);
        }
        KernelCalls.RELU_BACKWARD.ran();
        assertShape(in, epsilon);
        INDArray out = in.ulike();
        KernelThreads.forRanges(in.length(), (from, to) -> maskRange(in, epsilon, out, from, to));
        return new Pair<>(out, null);
    }

    /** Elements {@code [from, to)}, through this thread's own buffers and pointers. */
    private static void maskRange(INDArray in, INDArray epsilon, INDArray out, long from, long to) {
        IntPointer zp = PlainFloats.bits(in);
        IntPointer ep = PlainFloats.bits(epsilon);
        IntPointer op = PlainFloats.bits(out);
        int[] z = new int[PlainFloats.CHUNK];
        int[] gradient = new int[PlainFloats.CHUNK];
        for (long at = from; at < to; at += PlainFloats.CHUNK) {
            int n = (int) Math.min(PlainFloats.CHUNK, to - at);
            zp.position(at).get(z, 0, n);
            ep.position(at).get(gradient, 0, n);
            mask(z, gradient, n);
            op.position(at).put(gradient, 0, n);
        }
    }

    /**
     * {@code gradient[i] = z[i] > 0 ? gradient[i] : +0}, on bit patterns: a float is greater than
     * zero exactly when its pattern, less one, lies in [0, +infinity's pattern): negative numbers and
     * -0 wrap around, +0 becomes -1, NaNs lie above. Integer arithmetic only, so it vectorises.
     */
    static void mask(int[] z, int[] gradient, int n) {
        for (int i = 0; i < n; i++) {
            int below = z[i] - 1;
            int keep = ((below - POSITIVE_INFINITY_BITS) >> 31) & ~(below >> 31);
            gradient[i] &= keep;
        }
    }

    @Override
    public String toString() {
        return "relu";
    }
}
