package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExamplesTest {

    private static Examples three() {
        return new Examples(3, 1, 2, 4, new float[] {0, 1, 2, 3, 4, 5}, new int[] {3, 0, 2});
    }

    @Test
    void selectCopiesTheChosenExamplesInOrder() {
        Examples picked = three().select(new int[] {2, 0});
        assertArrayEquals(new float[] {4, 5, 0, 1}, picked.features());
        assertArrayEquals(new int[] {2, 3}, picked.labels());
        assertEquals(2, picked.count());
    }

    @Test
    void selectRejectsAnIndexOutsideTheExamples() {
        assertThrows(IndexOutOfBoundsException.class, () -> three().select(new int[] {3}));
    }

    @Test
    void equalityComparesContentsNotArrays() {
        assertEquals(three(), three());
        assertEquals(three().hashCode(), three().hashCode());
        assertNotEquals(three(), three().select(new int[] {0, 1}));
    }

    @Test
    void classCountsCountEachLabel() {
        assertArrayEquals(new int[] {1, 0, 1, 1}, three().classCounts());
    }

    @Test
    void featuresOfTheWrongLengthAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Examples(2, 2, 2, 10, new float[7], new int[2]));
    }

    @Test
    void aLabelOutsideTheClassesIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Examples(1, 1, 1, 2, new float[1], new int[] {2}));
    }
}
