package reprolab.lesson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/**
 * One fixed array of floats and the ways a program, a BLAS library or a set of threads might add it
 * up. Float addition is not associative, so each order rounds differently and the sums differ in the
 * last bits, although every one of them is a correct float sum.
 */
public final class FloatSums {

    /** Scales from 1e-4 to 1e4: mixed magnitudes make the order of addition matter. */
    private static final float[] SCALES = {1e-4f, 1e-3f, 1e-2f, 1e-1f, 1f, 1e1f, 1e2f, 1e3f, 1e4f};

    private FloatSums() {
    }

    /**
     * The demo's data: element i is {@code (2u - 1) * SCALES[k]} in float arithmetic, where u is
     * {@code random.nextFloat()} and k is {@code random.nextInt(9)}, drawn in that order from
     * {@code new java.util.Random(seed)}, whose algorithm the Java specification fixes; so every JVM
     * produces the same array.
     */
    public static float[] generate(long seed, int n) {
        Random random = new Random(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            float unit = 2f * random.nextFloat() - 1f;
            values[i] = unit * SCALES[random.nextInt(SCALES.length)];
        }
        return values;
    }

    /** Left to right, one accumulator: what a plain loop does. */
    public static float sequential(float[] x) {
        return sequential(x, 0, x.length);
    }

    /** Right to left. */
    public static float reversed(float[] x) {
        float sum = 0f;
        for (int i = x.length - 1; i >= 0; i--) {
            sum += x[i];
        }
        return sum;
    }

    /** Recursive halves down to single elements: how many libraries reduce, with a smaller error bound. */
    public static float pairwise(float[] x) {
        return x.length == 0 ? 0f : pairwise(x, 0, x.length);
    }

    /**
     * Cut into {@code chunks} contiguous parts (the last takes the remainder), add each part on its own
     * as a thread would, then add the partial sums left to right.
     */
    public static float chunked(float[] x, int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be at least 1, got " + chunks);
        }
        int size = x.length / chunks;
        float total = 0f;
        for (int c = 0; c < chunks; c++) {
            int from = c * size;
            int to = c == chunks - 1 ? x.length : from + size;
            total += sequential(x, from, to);
        }
        return total;
    }

    /**
     * The true sum of the array, with no rounding at all. Each float is an integer mantissa times a
     * power of two; mantissas are added exactly in one long per exponent (2^24 * 2^31 fits), and only
     * the 256 partial sums meet in BigDecimal, which keeps this fast for a million values.
     */
    public static BigDecimal exact(float[] x) {
        if (x.length > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("array too long for exact summation");
        }
        long[] byExponent = new long[256];
        for (float v : x) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("cannot sum " + v + " exactly");
            }
            int bits = Float.floatToRawIntBits(v);
            int biased = (bits >>> 23) & 0xff;
            long mantissa = biased == 0 ? bits & 0x7fffff : (bits & 0x7fffff) | 0x800000;
            byExponent[biased] += bits < 0 ? -mantissa : mantissa;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int biased = 0; biased < 256; biased++) {
            if (byExponent[biased] != 0) {
                // value = mantissa * 2^(e - 150) for normal floats; subnormals share e = 1
                int power = Math.max(biased, 1) - 150;
                BigDecimal scale = power >= 0 ? new BigDecimal(BigInteger.TWO.pow(power))
                        : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-power)));
                sum = sum.add(BigDecimal.valueOf(byExponent[biased]).multiply(scale));
            }
        }
        return sum;
    }

    private static float sequential(float[] x, int from, int to) {
        float sum = 0f;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum;
    }

    private static float pairwise(float[] x, int from, int to) {
        if (to - from == 1) {
            return x[from];
        }
        int mid = (from + to) >>> 1;
        return pairwise(x, from, mid) + pairwise(x, mid, to);
    }
}
