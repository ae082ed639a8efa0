package reprolab.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time to chaos on synthetic runs whose distances are known: two layers, and each group's second run
 * is its first moved by a chosen distance per layer at each iteration.
 */
class ChaosAnalysisTest {

    private static final List<Integer> ITERATIONS = List.of(0, 10, 20, 30, 40);
    private static final Set<String> SEEDS = Set.of("shuffle", "dropout");

    @Test
    void aFactorReachesTheSeedGapAtTheFirstIterationItsDistanceIsAtLeastAsLarge() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(
                group("shuffle", t -> t == 0 ? 0 : 1.0, t -> t == 0 ? 0 : 1.0),
                group("perturbation", t -> 1e-7 * Math.pow(100, t / 10.0), t -> 0)), SEEDS);
        ChaosResult p = report.factor("perturbation");
        assertEquals(ChaosResult.FACTOR, p.role());
        // the model gap is 1e-7 * 100^(t/10): 1e-5, 1e-3, 0.1, 10 against sqrt(2) for the seed group
        assertEquals(40, p.reachedAt());
        assertEquals(40, p.endIteration());
        assertEquals(10.0 / Math.sqrt(2), p.endRatio(), 1e-9);
        assertEquals("shuffle", p.endReference());
        assertEquals(0, p.firstIteration());
        assertEquals(1e-7, p.firstGap(), 1e-20);
    }

    @Test
    void aFactorThatNeverGetsThereIsNotReachedAndSaysHowFarItGot() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(
                group("shuffle", t -> t == 0 ? 0 : 2.0, t -> 0),
                group("threads", t -> t == 0 ? 0 : t * 0.01, t -> 0)), SEEDS);
        ChaosResult threads = report.factor("threads");
        assertNull(threads.reachedAt());
        assertEquals(0.2, threads.endRatio(), 1e-12, "0.4 against 2.0 at iteration 40");
        assertEquals(10, threads.firstIteration());
        assertTrue(report.summary().contains("threads had not reached it by iteration 40 (0.200 of it)"), report.summary());
    }

    @Test
    void theSeedLevelGapIsTheSmallestSeedGroupsDistanceAtEachIteration() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(
                group("shuffle", t -> t < 30 ? 5.0 : 1.0, t -> 0),
                group("dropout", t -> t < 30 ? 2.0 : 9.0, t -> 0),
                group("perturbation", t -> 1.5, t -> 0)), SEEDS);
        ChaosResult p = report.factor("perturbation");
        assertEquals(30, p.reachedAt(), "2.0 (dropout) is the bar before 30, 1.0 (shuffle) from 30");
        assertEquals("shuffle", p.endReference());
        assertEquals(2.0, p.series().get(1).seedGap(), 0.0);
        assertEquals(ChaosResult.SEED, report.factor("dropout").role());
        assertNull(report.factor("dropout").reachedAt(), "a seed group is the reference, not timed");
    }

    @Test
    void eachLayerHasItsOwnTimeToChaos() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(
                group("shuffle", t -> 1.0, t -> 1.0),
                group("perturbation", t -> t >= 20 ? 3.0 : 0.1, t -> 0.5)), SEEDS);
        ChaosResult p = report.factor("perturbation");
        assertEquals(20, p.layers().get(0).reachedAt());
        assertNull(p.layers().get(1).reachedAt());
        assertEquals(0.5, p.layers().get(1).endRatio(), 1e-12);
    }

    @Test
    void identicalRunsAreZeroApartAndNeverReachTheSeedGap() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(
                group("baseline", t -> 0, t -> 0), group("shuffle", t -> 1.0, t -> 1.0)), SEEDS);
        ChaosResult baseline = report.factor("baseline");
        assertEquals(ChaosResult.BASELINE, baseline.role());
        assertNull(baseline.firstIteration());
        assertNull(baseline.reachedAt());
        assertEquals(0.0, baseline.endRatio(), 0.0);
        assertTrue(baseline.series().stream().allMatch(point -> point.gap() == 0.0));
    }

    @Test
    void pairsOfRunsWithTheSameSettingsDoNotDiluteTheDistance() {
        // a threads group: runs 1 and 3 (1 thread) identical, run 2 (4 threads) moved by 3 in layer 0
        Map<Integer, double[][]> one = snapshots(t -> 0, t -> 0, 0);
        Map<Integer, double[][]> four = snapshots(t -> 3.0, t -> 0, 0);
        GapSeries gap = GapSeries.measure("threads", List.of(series("t1", one), series("t4", four), series("t1b", one)));
        assertEquals(3, gap.pairs());
        assertEquals(2, gap.differing()[0]);
        assertEquals(3.0, gap.model()[0], 0.0);
    }

    @Test
    void noSnapshotsMeanNoAnalysis() {
        assertNull(ChaosAnalysis.analyse(List.of(new ChaosAnalysis.Group("shuffle", List.of())), SEEDS));
    }

    @Test
    void withoutASeedGroupTheReportSaysThereIsNothingToCompareWith() {
        ChaosReport report = ChaosAnalysis.analyse(List.of(group("perturbation", t -> 1.0, t -> 0)), SEEDS);
        assertNull(report.factor("perturbation").reachedAt());
        assertEquals(-1, report.factor("perturbation").endIteration());
        assertTrue(report.summary().startsWith("No seed group"), report.summary());
    }

    /** Two runs whose layers 0 and 1 are {@code d0(t)} and {@code d1(t)} apart at each iteration. */
    private static ChaosAnalysis.Group group(String factor, IntToDoubleFunction d0, IntToDoubleFunction d1) {
        return new ChaosAnalysis.Group(factor, List.of(series(factor + "-1", snapshots(t -> 0, t -> 0, 0)),
                series(factor + "-2", snapshots(d0, d1, 0))));
    }

    /** Layer 0 has 3 values, layer 1 has 2; the first value of each is moved by the distance. */
    private static Map<Integer, double[][]> snapshots(IntToDoubleFunction d0, IntToDoubleFunction d1, double base) {
        Map<Integer, double[][]> result = new LinkedHashMap<>();
        for (int t : ITERATIONS) {
            result.put(t, new double[][]{{base + d0.applyAsDouble(t), 0.5, -0.25}, {base + d1.applyAsDouble(t), 1}});
        }
        return result;
    }

    private static ParameterSeries series(String id, Map<Integer, double[][]> snapshots) {
        return ParameterSeries.inMemory(id, new ArrayList<>(List.of("conv_0", "dense_0")), snapshots);
    }
}
