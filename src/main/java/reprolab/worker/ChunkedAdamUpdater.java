package reprolab.worker;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Adam step of libnd4j's {@code adam_updater} op (M2.1, {@code helpers/cpu/updaterAdam.cpp}),
 * written out in Java float arithmetic in the same order, so that the JIT vectorises the square
 * root and the division the native generic build does one element at a time.
 *
 * <p>The parameters are copied through small heap buffers, {@link PlainFloats#CHUNK} floats at a
 * time, so the copies stay in the cache and the arrays are read and written from memory once, as
 * by the op. With more than one thread the elements are split between threads ({@link KernelThreads});
 * each element's arithmetic is the same wherever it runs. Arrays that are not plain contiguous floats
 * (double precision, strided views, mixed orders) go to the native op, unchanged.
 */
final class ChunkedAdamUpdater extends AdamUpdater {

    static final int CHUNK = PlainFloats.CHUNK;

    ChunkedAdamUpdater(Adam config) {
        super(config);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray m = getM();
        INDArray v = getV();
        if (m == null || v == null) {
            throw new IllegalStateException("Updater has not been initialized with view state");
        }
        if (!PlainFloats.plain(gradient, m, v)) {
            KernelCalls.ADAM.fellBack();
            super.applyUpdater(gradient, iteration, epoch);
            return;
        }
        KernelCalls.ADAM.ran();
        Adam config = getConfig();
        float lr = (float) config.getLearningRate(iteration, epoch);
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float stepSize = stepSize(lr, beta1, beta2, epsilon, iteration);
        KernelThreads.forRanges(gradient.length(),
                (from, to) -> stepRange(gradient, m, v, from, to, beta1, beta2, epsilon, stepSize));
    }

    /** Elements {@code [from, to)}, through this thread's own buffers and pointers. */
    private static void stepRange(INDArray gradient, INDArray m, INDArray v, long from, long to,
                                  float beta1, float beta2, float epsilon, float stepSize) {
        FloatPointer g = PlainFloats.floats(gradient);
        FloatPointer mp = PlainFloats.floats(m);
        FloatPointer vp = PlainFloats.floats(v);
        float[] grad = new float[CHUNK];
        float[] first = new float[CHUNK];
        float[] second = new float[CHUNK];
        for (long at = from; at < to; at += CHUNK) {
            int n = (int) Math.min(CHUNK, to - at);
            g.position(at).get(grad, 0, n);
            mp.position(at).get(first, 0, n);
            vp.position(at).get(second, 0, n);
            step(grad, first, second, n, beta1, beta2, epsilon, stepSize);
            mp.position(at).put(first, 0, n);
            vp.position(at).put(second, 0, n);
            g.position(at).put(grad, 0, n);
        }
    }

    /**
     * libnd4j: {@code beta1T = pow(beta1, iteration + 1)} in float (its {@code powf}),
     * {@code epsilonT = lr * sqrt(1. - beta2T) / (1.0 - beta1T)} (the subtractions and the division in
     * double, the square root in float), replaced by epsilon when it is NaN, zero or infinite.
     */
    static float stepSize(float lr, float beta1, float beta2, float epsilon, int iteration) {
        // libnd4j's own float power (Java's Math.pow differs from it in the last bit at some iterations).
        float[] powers = Transforms.pow(Nd4j.createFromArray(beta1, beta2), (float) iteration + 1f, false).toFloatVector();
        float beta1T = powers[0];
        float beta2T = powers[1];
        float root = (float) Math.sqrt((float) (1.0 - beta2T));
        float stepSize = (float) ((double) (lr * root) / (1.0 - beta1T));
        if (Float.isNaN(stepSize) || stepSize == 0f || Float.isInfinite(stepSize)) {
            return epsilon;
        }
        return stepSize;
    }

    /** One chunk, in place: m and v become the new moments, the gradient becomes the update. */
    private static void step(float[] g, float[] m, float[] v, int n, float beta1, float beta2, float epsilon,
                             float stepSize) {
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + gi * oneMinusBeta1;
            float vi = beta2 * v[i] + gi * gi * oneMinusBeta2;
            m[i] = mi;
            v[i] = vi;
            g[i] = (mi * stepSize) / ((float) Math.sqrt(vi) + epsilon);
        }
    }
}
