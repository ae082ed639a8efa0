package reprolab.data;

import java.util.SplittableRandom;

/**
 * The order in which training examples are visited in each epoch. The permutation depends only on
 * (shuffle seed, epoch), through a generator created for that call: no other stream (weight init,
 * dropout, split) can shift it, and epoch 5 can be reproduced without replaying epochs 0 to 4.
 */
public final class EpochOrder {

    private EpochOrder() {
    }

    /**
     * A permutation of {@code 0..n-1} (Fisher-Yates).
     *
     * @param n           number of training examples, at least 0
     * @param shuffleSeed the run's shuffle seed
     * @param epoch       epoch index as the worker counts it
     */
    public static int[] permutation(int n, long shuffleSeed, int epoch) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, was " + n);
        }
        SplittableRandom random = new SplittableRandom(epochSeed(shuffleSeed, epoch));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    /** Shuffles in place; shared with {@link StratifiedSplit}. */
    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * Mixes seed and epoch through two rounds of a 64-bit finaliser. Seeding with seed + epoch
     * directly would make epoch e's stream epoch 0's stream shifted by e draws (SplitMix steps by a
     * constant), so consecutive epochs would be nearly the same permutation.
     */
    static long epochSeed(long seed, int epoch) {
        return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (epoch + 1L));
    }

    /** Stafford's variant 13 finaliser (as in SplittableRandom): a bijection on longs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
