package reprolab.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatsTest {

    @Test
    void statsUseTheSampleStandardDeviation() {
        Stats s = Stats.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertEquals(8, s.n());
        assertEquals(5.0, s.mean());
        assertEquals(Math.sqrt(32.0 / 7), s.std(), 1e-15);
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(32.0 / 7, s.variance(), 1e-12);
    }

    @Test
    void oneValueHasZeroStd() {
        assertEquals(new Stats(1, 0.5, 0.0, 0.5, 0.5), Stats.of(List.of(0.5)));
    }

    @Test
    void equalValuesHaveExactlyZeroStdAndTheirOwnMean() {
        Stats s = Stats.of(List.of(0.8, 0.8, 0.8));
        assertEquals(0.8, s.mean());
        assertEquals(0.0, s.std());
    }

    @Test
    void nullsAndNonFiniteValuesAreLeftOut() {
        Stats s = Stats.of(Arrays.asList(1.0, null, Double.NaN, Double.POSITIVE_INFINITY, 3.0));
        assertEquals(new Stats(2, 2.0, Math.sqrt(2), 1.0, 3.0), s);
    }

    @Test
    void noValuesGiveNull() {
        assertNull(Stats.of(List.of()));
        assertNull(Stats.of(Arrays.asList(Double.NaN, null)));
    }
}
