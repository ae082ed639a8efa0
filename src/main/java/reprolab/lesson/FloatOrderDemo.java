package reprolab.lesson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The floating-point order demo ({@code ./reprolab float-demo}): the same arithmetic in a different
 * order gives a different answer, which is all a GPU or a multi-threaded kernel needs to make two
 * "identically seeded" trainings part ways. Pure Java, no native code.
 */
public final class FloatOrderDemo {

    /** How often 1.0 is multiplied by the ratio of the two orders. */
    public static final int REPEATS = 100_000_000;
    /** Length of the array summed in several orders. */
    public static final int ARRAY_LENGTH = 1_000_000;
    /** Seed of that array, fixed so every run of the demo shows the same numbers. */
    public static final long ARRAY_SEED = 20_240_611L;

    private FloatOrderDemo() {
    }

    /** Runs the whole demo (well under a second of arithmetic on a laptop). */
    public static FloatOrderResult run() {
        return run(REPEATS, ARRAY_LENGTH, ARRAY_SEED);
    }

    /** Runs the demo with other sizes, e.g. smaller ones in tests. */
    public static FloatOrderResult run(int repeats, int arrayLength, long seed) {
        if (repeats < 0 || arrayLength < 1) {
            throw new IllegalArgumentException("repeats must be >= 0 and arrayLength >= 1");
        }
        double multiplyFirst = 2.0 * 11.0 / 9.0;
        double divideFirst = 2.0 / 9.0 * 11.0;
        long start = System.nanoTime();
        double question = repeatedProduct(divideFirst / multiplyFirst, repeats);
        long loopNanos = System.nanoTime() - start;
        double inverse = repeatedProduct(multiplyFirst / divideFirst, repeats);
        float[] values = FloatSums.generate(seed, arrayLength);
        BigDecimal exact = FloatSums.exact(values);
        return new FloatOrderResult(multiplyFirst, divideFirst, repeats, question, inverse, loopNanos,
                arrayLength, seed, sums(values), exact);
    }

    /** 1.0 times {@code ratio}, {@code repeats} times, rounding after every step like a training loop. */
    static double repeatedProduct(double ratio, int repeats) {
        double product = 1.0;
        for (int i = 0; i < repeats; i++) {
            product *= ratio;
        }
        return product;
    }

    private static List<FloatOrderResult.Sum> sums(float[] values) {
        List<FloatOrderResult.Sum> sums = new ArrayList<>();
        sums.add(new FloatOrderResult.Sum("sequential", FloatSums.sequential(values)));
        sums.add(new FloatOrderResult.Sum("reversed", FloatSums.reversed(values)));
        sums.add(new FloatOrderResult.Sum("pairwise", FloatSums.pairwise(values)));
        for (int chunks : new int[] {2, 4, 8}) {
            sums.add(new FloatOrderResult.Sum(chunks + " chunks", FloatSums.chunked(values, chunks)));
        }
        return List.copyOf(sums);
    }
}
