package reprolab.data;

import java.util.SplittableRandom;

/**
 * Gaussian noise images with uniformly random labels: the minimal example people post when they ask
 * why their loss differs run to run. The generator's seed is a constant, so the data are the same in
 * every run and only the seeds of the experiment can make runs differ.
 */
public final class SyntheticData {

    /** Fixed so that synthetic data never depend on any experiment seed. */
    public static final long GENERATION_SEED = 0x5EED_DA7AL;
    public static final int ROWS = 28;
    public static final int COLS = 28;
    public static final int CLASSES = 10;
    /** Keeps the feature array within one Java array. */
    public static final int MAX_COUNT = (Integer.MAX_VALUE - 8) / (ROWS * COLS);

    private SyntheticData() {
    }

    /**
     * {@code count} images of N(0,1) pixels with labels uniform in 0..9. Each example is drawn in
     * turn (label, then pixels), so {@code generate(n)} is a prefix of {@code generate(m)} for n < m.
     *
     * @throws IllegalArgumentException when count is negative or above {@link #MAX_COUNT}
     */
    public static Examples generate(int count) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("synthetic example count must be 0.." + MAX_COUNT + ", was " + count);
        }
        SplittableRandom random = new SplittableRandom(GENERATION_SEED);
        int pixels = ROWS * COLS;
        float[] features = new float[count * pixels];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(CLASSES);
            for (int p = i * pixels, end = p + pixels; p < end; p++) {
                features[p] = (float) gaussian(random);
            }
        }
        return new Examples(count, ROWS, COLS, CLASSES, features, labels);
    }

    /**
     * Marsaglia's polar method with StrictMath: unlike RandomGenerator.nextGaussian, whose algorithm
     * may change between JDKs, and Math.log, which may differ between CPUs, this gives the same bits
     * everywhere.
     */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }
}
