package reprolab.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatsTest {

    @Test
    void medianOfOddCountIsTheMiddleSample() {
        assertEquals(3.0, Stats.of(new double[]{9, 1, 3, 2, 100}).median());
    }

    @Test
    void medianOfEvenCountIsMeanOfTheTwoMiddleSamples() {
        assertEquals(2.5, Stats.of(new double[]{4, 1, 3, 2}).median());
    }

    @Test
    void meanStddevMinMaxMatchHandComputedValues() {
        Stats stats = Stats.of(new double[]{2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, stats.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7), stats.stddev(), 1e-12);
        assertEquals(2.0, stats.min());
        assertEquals(9.0, stats.max());
        assertEquals(8, stats.count());
    }

    @Test
    void p90IsTheNearestRankSample() {
        double[] samples = new double[10];
        for (int i = 0; i < 10; i++) {
            samples[i] = 10 - i;
        }
        assertEquals(9.0, Stats.of(samples).p90());
    }

    @Test
    void singleSampleHasZeroSpread() {
        Stats stats = Stats.of(new double[]{7});
        assertEquals(0.0, stats.stddev());
        assertEquals(7.0, stats.median());
    }

    @Test
    void emptySamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0]));
    }
}
