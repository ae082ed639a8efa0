package reprolab.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapTextTest {

    @Test
    void aLongSeriesShowsADozenRowsWithTheFirstTheFirstApartAndTheLast() {
        List<Integer> rows = GapText.rows(301, 37);
        assertEquals(GapText.ROWS, rows.size(), rows.toString());
        assertEquals(0, rows.get(0));
        assertTrue(rows.contains(37), rows.toString());
        assertEquals(300, rows.get(rows.size() - 1));
        assertEquals(rows.stream().sorted().distinct().toList(), rows, "ascending, no repeats");
    }

    @Test
    void aShortSeriesShowsEverySnapshot() {
        assertEquals(List.of(0, 1, 2, 3, 4), GapText.rows(5, 1));
    }

    @Test
    void theTableEndsWithEachLayerAndTheGrowthSinceTheRunsParted() {
        List<Integer> iterations = new ArrayList<>(List.of(0, 10, 20));
        GapSeries gap = new GapSeries("runs", List.of("conv_0", "output"), iterations, new double[] {0, 1e-6, 4e-6},
                new double[][] {{0, 5e-7, 1e-6}, {0, 5e-7, 3e-6}}, new int[] {0, 3, 3}, 3);
        String text = GapText.render(gap);
        assertTrue(text.contains("3 runs, 3 pairs, 3 snapshots"), text);
        assertTrue(text.contains("         20      4.00e-06  3 of 3"), text);
        assertTrue(text.contains("per layer at iteration 20: conv_0 1.00e-06, output 3.00e-06"), text);
        assertTrue(text.endsWith("first apart at iteration 10 (1.00e-06); 4.00e-06 at iteration 20, 4.00x that"), text);
    }

    @Test
    void identicalRunsAreSaidToBeIdentical() {
        GapSeries gap = new GapSeries("runs", List.of("dense"), List.of(0, 5), new double[] {0, 0},
                new double[][] {{0, 0}}, new int[] {0, 0}, 1);
        assertTrue(GapText.render(gap).endsWith("identical at every snapshot, up to iteration 5 (distance 0)"),
                GapText.render(gap));
    }
}
