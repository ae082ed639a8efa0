package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static int[] sampleLabels;

    @BeforeAll
    static void readSampleLabels() throws DataException {
        sampleLabels = IdxReader.read(SampleData.imagesFile(), SampleData.labelsFile()).labels();
    }

    @Test
    void sizesAreExactAndTrainAndValidationAreDisjoint() throws DataException {
        Split split = StratifiedSplit.split(sampleLabels, 10, 777, 123, 42);
        assertEquals(777, split.train().length);
        assertEquals(123, split.validation().length);
        BitSet seen = new BitSet();
        for (int i : concat(split.train(), split.validation())) {
            assertTrue(i >= 0 && i < sampleLabels.length, "index " + i);
            assertFalse(seen.get(i), "index " + i + " used twice");
            seen.set(i);
        }
    }

    @Test
    void eachClassIsWithinOneOfItsProportionalShare() throws DataException {
        Split split = StratifiedSplit.split(sampleLabels, 10, 8000, 2000, 42);
        assertProportional(split.train(), 8000);
        assertProportional(split.validation(), 2000);
    }

    @Test
    void sameSeedGivesTheSameSplit() throws DataException {
        Split a = StratifiedSplit.split(sampleLabels, 10, 800, 200, 7);
        Split b = StratifiedSplit.split(sampleLabels, 10, 800, 200, 7);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
    }

    @Test
    void differentSeedsGiveDifferentSplits() throws DataException {
        Split a = StratifiedSplit.split(sampleLabels, 10, 800, 200, 7);
        Split b = StratifiedSplit.split(sampleLabels, 10, 800, 200, 8);
        assertFalse(Arrays.equals(sorted(a.validation()), sorted(b.validation())));
    }

    @Test
    void splitOfTheRoundRobinSampleIsNotByPosition() throws DataException {
        // The sample's last examples are all 1s and 7s: a positional split would put them in validation.
        Split split = StratifiedSplit.split(sampleLabels, 10, 8000, 2000, 42);
        int[] validation = sorted(split.validation());
        assertTrue(validation[0] < 100, "validation starts at " + validation[0]);
        assertTrue(validation[validation.length - 1] > 9_900);
        int[] train = sorted(split.train());
        assertFalse(Arrays.equals(train, range(8000)), "train is the first 8000 examples");
        int inLastFifth = (int) Arrays.stream(validation).filter(i -> i >= 8000).count();
        assertTrue(inLastFifth > 300 && inLastFifth < 500, inLastFifth + " of 2000 from the last fifth");
    }

    @Test
    void indicesAreNotGroupedByClass() throws DataException {
        Split split = StratifiedSplit.split(sampleLabels, 10, 1000, 0, 3);
        int changes = 0;
        for (int i = 1; i < split.train().length; i++) {
            if (sampleLabels[split.train()[i]] != sampleLabels[split.train()[i - 1]]) {
                changes++;
            }
        }
        assertTrue(changes > 500, changes + " label changes in 1000 training examples");
    }

    @Test
    void takingEveryExampleUsesEachIndexOnce() throws DataException {
        int[] labels = {0, 0, 0, 1, 1, 2};
        Split split = StratifiedSplit.split(labels, 3, 4, 2, 1);
        assertArrayEquals(range(6), sorted(concat(split.train(), split.validation())));
    }

    @Test
    void asMuchAsTheDataSetHoldsIsRejectedBeyondItsSize() {
        DataException e = assertThrows(DataException.class,
                () -> StratifiedSplit.split(sampleLabels, 10, 9000, 2000, 1));
        assertEquals("data.trainSize 9000 + data.validationSize 2000 = 11000 is more than the 10000"
                + " examples the data set has.", e.getMessage());
    }

    @Test
    void aLabelOutsideTheClassesIsRejected() {
        DataException e = assertThrows(DataException.class,
                () -> StratifiedSplit.split(new int[] {0, 1, 5}, 3, 1, 1, 1));
        assertEquals("label 5 at index 2 is outside 0..2.", e.getMessage());
    }

    private static void assertProportional(int[] indices, int size) {
        int[] counts = new int[10];
        for (int i : indices) {
            counts[sampleLabels[i]]++;
        }
        int[] population = new int[10];
        for (int label : sampleLabels) {
            population[label]++;
        }
        for (int c = 0; c < 10; c++) {
            double share = (double) size * population[c] / sampleLabels.length;
            assertTrue(Math.abs(counts[c] - share) <= 1, "class " + c + ": " + counts[c] + " vs " + share);
        }
    }

    static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static int[] range(int n) {
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return values;
    }
}
