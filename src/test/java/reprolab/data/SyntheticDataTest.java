package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticDataTest {

    private static final int[] GOLDEN_LABELS = {7, 6, 3};
    private static final int GOLDEN_FIRST_PIXEL_BITS = 1067381308;
    private static final int GOLDEN_LAST_PIXEL_BITS = -1143388226;

    @Test
    void syntheticImagesAre28x28WithTenClasses() {
        Examples examples = SyntheticData.generate(50);
        assertEquals(50, examples.count());
        assertEquals(28, examples.rows());
        assertEquals(28, examples.cols());
        assertEquals(10, examples.classes());
    }

    @Test
    void syntheticDataAreTheSameEveryCall() {
        assertEquals(SyntheticData.generate(300), SyntheticData.generate(300));
    }

    @Test
    void syntheticDataAreTheSameInEveryVersion() {
        // Pinned bits: a change here silently changes every stored synthetic experiment.
        Examples examples = SyntheticData.generate(3);
        assertArrayEquals(new int[] {GOLDEN_LABELS[0], GOLDEN_LABELS[1], GOLDEN_LABELS[2]}, examples.labels());
        assertEquals(GOLDEN_FIRST_PIXEL_BITS, Float.floatToIntBits(examples.features()[0]));
        assertEquals(GOLDEN_LAST_PIXEL_BITS, Float.floatToIntBits(examples.features()[3 * 784 - 1]));
    }

    @Test
    void fewerExamplesAreAPrefixOfMore() {
        Examples few = SyntheticData.generate(10);
        Examples many = SyntheticData.generate(100);
        assertArrayEquals(few.labels(), Arrays.copyOf(many.labels(), 10));
        assertArrayEquals(few.features(), Arrays.copyOf(many.features(), 10 * 784));
    }

    @Test
    void pixelsAreStandardNormal() {
        float[] pixels = SyntheticData.generate(1000).features();
        double sum = 0;
        double squares = 0;
        for (float p : pixels) {
            sum += p;
            squares += (double) p * p;
        }
        double mean = sum / pixels.length;
        double variance = squares / pixels.length - mean * mean;
        assertEquals(0, mean, 0.01);
        assertEquals(1, variance, 0.01);
    }

    @Test
    void labelsAreSpreadOverAllTenClasses() {
        int[] counts = SyntheticData.generate(10_000).classCounts();
        for (int c = 0; c < 10; c++) {
            assertTrue(counts[c] > 900 && counts[c] < 1100, "class " + c + ": " + counts[c]);
        }
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(-1));
    }
}
