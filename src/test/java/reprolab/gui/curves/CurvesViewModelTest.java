package reprolab.gui.curves;

import org.junit.jupiter.api.Test;
import reprolab.events.IterationEvent;
import reprolab.events.WorkerEvent;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CurvesViewModelTest {

    private final CurvesViewModel vm = new CurvesViewModel();

    private static IterationEvent it(int k, double loss) {
        return new IterationEvent(k, 0, loss, 0.5, List.of(), "m", 0);
    }

    private void append(int from, int to) {
        for (int k = from; k < to; k++) {
            vm.append(Map.<String, List<WorkerEvent>>of("a", List.of(it(k, k)), "b", List.of(it(k, 3.0 * k))));
        }
    }

    @Test
    void bandFollowsPointsAppendedAfterItWasLastComputed() {
        vm.reset(List.of("a", "b"));
        append(1, 3);
        assertEquals(2, vm.band(Metric.LOSS).size());
        append(3, 5);
        List<CurvesViewModel.BandPoint> band = vm.band(Metric.LOSS);
        assertEquals(4, band.size());
        CurvesViewModel.BandPoint last = band.get(3);
        assertEquals(4, last.iteration());
        assertEquals(4.0, last.min());
        assertEquals(12.0, last.max());
        assertEquals(8.0, last.mean());
    }

    @Test
    void hidingARunLeavesItOutOfTheBand() {
        vm.reset(List.of("a", "b"));
        append(1, 4);
        vm.band(Metric.LOSS);
        vm.toggleVisible("b");
        CurvesViewModel.BandPoint p = vm.band(Metric.LOSS).get(2);
        assertEquals(3.0, p.min());
        assertEquals(3.0, p.max());
        assertEquals(3.0, p.mean());
    }
}
