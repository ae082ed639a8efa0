package reprolab.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterDistanceTest {

    @Test
    void l2IsTheEuclideanNormOfTheDifference() {
        assertEquals(5.0, ParameterDistance.l2(new double[]{1, 2}, new double[]{4, 6}), 0.0);
    }

    @Test
    void identicalParametersAreExactlyZeroApart() {
        double[] a = {0.1f, -3.5e-8f, 12.25f};
        assertEquals(0.0, ParameterDistance.l2(a, a.clone()), 0.0);
    }

    @Test
    void aOneUlpFloatDifferenceIsMeasuredExactly() {
        float x = 0.3f;
        float y = Math.nextUp(x);
        assertEquals((double) Math.ulp(x), ParameterDistance.l2(new double[]{x}, new double[]{y}), 0.0);
    }

    @Test
    void theModelDistanceIsTheRootOfTheSumOfTheLayersSquares() {
        double[][] a = {{0, 0}, {0}};
        double[][] b = {{3, 4}, {12}};
        assertArrayEquals(new double[]{5, 12, 13}, ParameterDistance.perLayerAndModel(a, b), 0.0);
    }

    @Test
    void differentSizesAreRefusedRatherThanTruncated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterDistance.l2(new double[]{1, 2}, new double[]{1}));
        assertEquals("cannot compare 2 parameters with 1", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParameterDistance.perLayerAndModel(new double[][]{{1}}, new double[][]{{1}, {2}}));
    }
}
