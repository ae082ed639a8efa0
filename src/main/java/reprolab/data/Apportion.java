package reprolab.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Largest-remainder (Hamilton) apportionment: integer shares that sum exactly to a total. */
final class Apportion {

    private Apportion() {
    }

    /**
     * Splits {@code total} over classes in proportion to {@code sizes}: each class gets the floor of
     * its exact share, then the leftover goes one by one to the largest fractional remainders (ties
     * to the lower class, so the sizes never depend on a seed). No class gets more than its
     * {@code capacity}; if a class is full its unit goes to the next, so the total is always exact
     * when the capacities allow it.
     */
    static int[] largestRemainder(int[] sizes, int total, int[] capacity) {
        long population = Arrays.stream(sizes).asLongStream().sum();
        int[] shares = new int[sizes.length];
        if (population == 0 || total == 0) {
            return shares;
        }
        long[] remainders = new long[sizes.length];
        int given = 0;
        for (int c = 0; c < sizes.length; c++) {
            long exact = (long) total * sizes[c];
            shares[c] = (int) Math.min(exact / population, capacity[c]);
            remainders[c] = exact - (long) shares[c] * population;
            given += shares[c];
        }
        Integer[] order = IntStream.range(0, sizes.length).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> -remainders[c]).thenComparingInt(c -> c))
                .toArray(Integer[]::new);
        while (given < total) {
            int before = given;
            for (int c : order) {
                if (given < total && shares[c] < capacity[c]) {
                    shares[c]++;
                    given++;
                }
            }
            if (given == before) {
                throw new IllegalStateException("capacities hold fewer than " + total);
            }
        }
        return shares;
    }
}
