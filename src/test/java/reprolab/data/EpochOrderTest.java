package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void orderIsAPermutationOfAllExamples() {
        int[] order = EpochOrder.permutation(1000, 42, 0);
        assertArrayEquals(StratifiedSplitTest.range(1000), StratifiedSplitTest.sorted(order));
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(EpochOrder.permutation(500, 42, 3), EpochOrder.permutation(500, 42, 3));
    }

    @Test
    void consecutiveEpochsAreUnrelatedOrders() {
        int[] first = EpochOrder.permutation(1000, 42, 0);
        int[] second = EpochOrder.permutation(1000, 42, 1);
        assertTrue(samePlaces(first, second) < 10, samePlaces(first, second) + " examples kept their place");
        assertTrue(samePlaces(shiftedByOne(first), second) < 10, "epoch 1 is epoch 0 shifted");
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        int[] a = EpochOrder.permutation(1000, 42, 0);
        int[] b = EpochOrder.permutation(1000, 43, 0);
        assertTrue(samePlaces(a, b) < 10, samePlaces(a, b) + " examples kept their place");
    }

    @Test
    void orderIsShuffledNotIdentity() {
        int[] order = EpochOrder.permutation(1000, 0, 0);
        assertTrue(samePlaces(order, StratifiedSplitTest.range(1000)) < 10);
    }

    @Test
    void emptyAndSingleExampleOrdersAreTrivial() {
        assertEquals(0, EpochOrder.permutation(0, 1, 0).length);
        assertArrayEquals(new int[] {0}, EpochOrder.permutation(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> EpochOrder.permutation(-1, 1, 0));
    }

    private static int samePlaces(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same;
    }

    private static int[] shiftedByOne(int[] values) {
        int[] shifted = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            shifted[i] = values[(i + 1) % values.length];
        }
        return shifted;
    }
}
