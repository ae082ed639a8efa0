package reprolab.ablation;

import org.junit.jupiter.api.Test;
import reprolab.analysis.ChaosReport;
import reprolab.analysis.ChaosResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChaosTextTest {

    private static final List<ChaosResult.Layer> LAYERS = List.of(
            new ChaosResult.Layer("conv_0", 300, 2.0, 1.0, 2.0), new ChaosResult.Layer("dense_0", null, 0.5, 1.0, 0.5));
    private static final ChaosReport REPORT = new ChaosReport(List.of("shuffle"), List.of(
            new ChaosResult("baseline", ChaosResult.BASELINE, null, 600, 0.0, 4.0, 0.0, "shuffle", null, 0.0, LAYERS, List.of()),
            new ChaosResult("shuffle", ChaosResult.SEED, null, 600, 4.0, 4.0, 1.0, "shuffle", 10, 0.5, LAYERS, List.of()),
            new ChaosResult("threads", ChaosResult.FACTOR, 250, 600, 5.0, 4.0, 1.25, "shuffle", 10, 2e-7, LAYERS, List.of()),
            new ChaosResult("perturbation", ChaosResult.FACTOR, null, 600, 5.49e-6, 4.08, 1.35e-6, "shuffle", 12, 1.99e-7,
                    LAYERS, List.of())), "summary");

    @Test
    void theTableCellSaysWhenOrHowFar() {
        assertEquals("identical", ChaosText.cell(REPORT, "baseline"));
        assertEquals("seed reference", ChaosText.cell(REPORT, "shuffle"));
        assertEquals("it. 250", ChaosText.cell(REPORT, "threads"));
        assertEquals("not by 600 (1.4e-06x)", ChaosText.cell(REPORT, "perturbation"));
        assertEquals("", ChaosText.cell(REPORT, "dropout"), "a group without snapshots");
        assertEquals("", ChaosText.cell(null, "threads"), "an ablation without snapshots");
    }

    @Test
    void eachFactorGetsATimeToChaosLineWithItsLayers() {
        String text = ChaosText.render(REPORT);
        assertTrue(text.contains("time to chaos threads            reached the seed-level gap at iteration 250; "
                + "distance 2.00e-07 at iteration 10 -> 5.00 at iteration 600 = 1.25x the seed-level gap (4.00, shuffle)"), text);
        assertTrue(text.contains("time to chaos perturbation       NOT reached by iteration 600; distance 1.99e-07 at "
                + "iteration 12 -> 5.49e-06 at iteration 600 = 1.35e-06x the seed-level gap (4.08, shuffle)"), text);
        assertTrue(text.contains("per layer: conv_0 at 300, dense_0 not (0.500x)"), text);
        assertTrue(text.contains("time to chaos baseline           identical at every snapshot (distance 0)"), text);
        assertTrue(text.endsWith("summary"), text);
    }
}
