package reprolab.analysis;

import org.junit.jupiter.api.Test;
import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.PerturbationSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SeedsSpec;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

class ExperimentAnalysisTest {

    private static ExperimentSpec seedOff(SeedKind kind) {
        return ExperimentSpec.defaults().withSeeds(SeedsSpec.defaults().with(kind, SeedSetting.off()));
    }

    @Test
    void firstDivergenceIsNoneWhenRunsAreIdentical() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(run("a").build(), run("b").build(), run("c").build()), 0);
        assertTrue(r.identical());
        assertNull(r.firstDivergence());
        assertNull(r.firstLossDivergence());
        assertEquals("All 3 runs are bitwise identical.", r.verdict());
        assertTrue(r.pairs().stream().allMatch(PairComparison::identical));
    }

    @Test
    void weightInitSeedOffDivergesAtIterationZeroInFirstLayerAndVerdictNamesTheSeed() {
        ExperimentSpec spec = seedOff(SeedKind.WEIGHT_INIT);
        RunHistory a = run("a").spec(spec).seeds(new ResolvedSeeds(111, 42, 42, 42)).build();
        RunHistory b = run("b").spec(spec).seeds(new ResolvedSeeds(222, 42, 42, 42)).divergeAt(0, 0, "b").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertFalse(r.identical());
        assertEquals(new Divergence(0, "conv_0"), r.firstDivergence());
        assertTrue(r.verdict().startsWith("Runs differ from iteration 0"), r.verdict());
        assertTrue(r.verdict().contains("in layer conv_0"), r.verdict());
        assertTrue(r.verdict().contains("the weight init seed is off in the spec, so each run drew its own"), r.verdict());
        assertFalse(r.verdict().contains("dropout seed"), r.verdict());
    }

    @Test
    void dropoutSeedOffKeepsTheInitialModelAndDivergesFromIterationOne() {
        ExperimentSpec spec = seedOff(SeedKind.DROPOUT);
        RunHistory a = run("a").spec(spec).seeds(new ResolvedSeeds(42, 5, 42, 42)).build();
        RunHistory b = run("b").spec(spec).seeds(new ResolvedSeeds(42, 6, 42, 42)).divergeAt(1, 0, "b").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertEquals(new Divergence(1, "conv_0"), r.firstDivergence());
        assertEquals(0.0, r.gap().get(0).paramNormSpread(), "same initial model");
        assertTrue(r.gap().get(1).paramNormSpread() > 0);
        assertTrue(r.verdict().contains("dropout seed is off"), r.verdict());
    }

    @Test
    void perturbationAfterUpdateKDivergesAtKInThePerturbedLayer() {
        PerturbationSpec perturbation = new PerturbationSpec(true, 5, "dense_0", 1e-8, 0.01, 7);
        RunHistory plain = run("a").build();
        RunHistory perturbed = run("b").spec(ExperimentSpec.defaults().withPerturbation(perturbation))
                .divergeAt(5, 2, "p").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(plain, perturbed), 0);
        assertEquals(new Divergence(5, "dense_0"), r.firstDivergence());
        assertTrue(r.verdict().contains("perturbation"), r.verdict());
        assertTrue(r.verdict().contains("after iteration 5"), r.verdict());
    }

    @Test
    void experimentDivergenceIsTheEarliestOverAllPairsThenFirstLayer() {
        RunHistory a = run("a").build();
        RunHistory b = run("b").divergeAt(6, 0, "b").build();
        RunHistory c = run("c").divergeAt(3, 2, "c").build();
        RunHistory d = run("d").divergeAt(3, 1, "d").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b, c, d), 0);
        assertEquals(new Divergence(3, "conv_1"), r.firstDivergence());
    }

    @Test
    void pairsMatrixHasEveryPairOnceWithItsOwnDivergence() {
        RunHistory a = run("a").build();
        RunHistory b = run("b").build();
        RunHistory c = run("c").divergeAt(4, 3, "c").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b, c), 0);
        assertEquals(List.of(
                new PairComparison("a", "b", true, null),
                new PairComparison("a", "c", false, new Divergence(4, "output")),
                new PairComparison("b", "c", false, new Divergence(4, "output"))), r.pairs());
    }

    @Test
    void runsAgreeingOverTheirCommonPrefixAreNotIdenticalWhenOneIsIncomplete() {
        RunHistory a = run("a").iterations(10).build();
        RunHistory b = run("b").iterations(4).incomplete().build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertFalse(r.identical());
        assertNull(r.firstDivergence());
        assertEquals(RunStatus.INCOMPLETE, r.runs().get(1).status());
        assertTrue(r.verdict().contains("cannot be called identical"), r.verdict());
        assertTrue(r.verdict().contains("Run b is incomplete"), r.verdict());
        assertEquals(11, r.gap().size(), "one gap point per iteration any run reported");
        assertEquals(1, r.lossSpread().get(9).runs(), "iteration 10 only from run a");
    }

    @Test
    void failedRunIsSummarisedWithItsReasonAndLeftOutOfTheFinalStats() {
        RunHistory a = run("a").val(0.9, 0.3).build();
        RunHistory b = run("b").val(0.8, 0.5).build();
        RunHistory c = run("c").iterations(3).failed("out of memory at iteration 3", FailureCause.OUT_OF_MEMORY).build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b, c), 0);
        RunSummary failed = r.runs().get(2);
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("out of memory at iteration 3", failed.reason());
        assertNull(failed.finalHash());
        assertNull(failed.valAccuracy());
        assertEquals(2, r.valAccuracy().n());
        assertTrue(r.verdict().contains("Run c failed: out of memory at iteration 3"), r.verdict());
    }

    @Test
    void runsWithoutAnyEventDoNotBreakTheAnalysis() {
        RunHistory empty = new RunHistory("x", null, List.of(), List.of(), null, null, List.of());
        RunHistory a = run("a").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, empty), 1e-6);
        assertFalse(r.identical());
        assertNull(r.firstDivergence());
        assertNull(r.runs().get(1).seeds());
        assertTrue(r.runs().get(1).reason().contains("before its first iteration"), r.runs().get(1).reason());
    }

    @Test
    void noRunsAreNotIdenticalAndSayTheresNothingToAnalyse() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(), 0);
        assertFalse(r.identical());
        assertNull(r.valAccuracy());
        assertTrue(r.lossSpread().isEmpty());
        assertEquals("No runs to analyse yet.", r.verdict());
    }

    @Test
    void singleFinishedRunIsTriviallyIdenticalButTheVerdictSaysNothingWasCompared() {
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(run("a").build()), 0);
        assertTrue(r.identical());
        assertTrue(r.pairs().isEmpty());
        assertTrue(r.verdict().contains("nothing to compare"), r.verdict());
    }

    @Test
    void differentFinalHashesWithEqualIterationsDivergeInTheWholeModel() {
        RunHistory a = run("a").finalHash("aaaa").build();
        RunHistory b = run("b").finalHash("bbbb").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertFalse(r.identical());
        assertEquals(new Divergence(10, Divergence.MODEL), r.firstDivergence());
    }

    @Test
    void nanLossIsNamedInTheVerdictAndCountsAsLossDivergence() {
        RunHistory a = run("a").build();
        RunHistory b = run("b").divergeAt(2, 0, "b").loss(3, Double.NaN).iterations(3)
                .failed("loss diverged to NaN at iteration 3", FailureCause.DIVERGED).build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 1.0);
        assertEquals(3, r.firstLossDivergence());
        assertTrue(r.verdict().contains("Run b's loss became NaN or infinite at iteration 3"), r.verdict());
        IterationSpread atThree = r.lossSpread().get(2);
        assertEquals(3, atThree.iteration());
        assertEquals(1, atThree.runs(), "NaN left out of the spread");
        assertTrue(Double.isFinite(r.gap().get(3).maxAbsLossDelta()));
    }

    @Test
    void lossToleranceDecidesWhereTheLossDiverges() {
        RunHistory a = run("a").build();
        RunHistory b = run("b").divergeAt(2, 0, "b").loss(2, 1.0 + 1e-7).loss(5, 0.4 + 1e-3).build();
        assertEquals(2, ExperimentAnalysis.analyse(List.of(a, b), 0).firstLossDivergence());
        assertEquals(5, ExperimentAnalysis.analyse(List.of(a, b), 1e-5).firstLossDivergence());
        ExperimentReport loose = ExperimentAnalysis.analyse(List.of(a, b), 0.1);
        assertNull(loose.firstLossDivergence());
        assertTrue(loose.verdict().contains("never differs by more than 0.1."), loose.verdict());
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.analyse(List.of(), -1));
        assertThrows(IllegalArgumentException.class, () -> ExperimentAnalysis.analyse(List.of(), Double.NaN));
    }

    @Test
    void lossSpreadHasExactMinMaxMeanAndSampleStd() {
        RunHistory a = run("a").loss(1, 1.0).build();
        RunHistory b = run("b").loss(1, 2.0).build();
        RunHistory c = run("c").loss(1, 3.0).build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b, c), 0);
        assertEquals(new IterationSpread(1, 3, 1.0, 3.0, 2.0, 1.0), r.lossSpread().get(0));
        assertEquals(10, r.lossSpread().size(), "iteration 0 has no loss");
        assertEquals(new IterationSpread(2, 3, 1.0, 1.0, 1.0, 0.0), r.lossSpread().get(1));
        assertEquals(0.2, r.accuracySpread().get(1).mean(), 1e-12);
        assertEquals(2.0, r.gap().get(1).maxAbsLossDelta());
    }

    @Test
    void paramNormSpreadIsTheSpreadOfTheWholeModelNorm() {
        RunHistory a = run("a").build();
        RunHistory b = run("b").divergeAt(0, 0, "b").build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        // Layer norms 1,2,3,4 vs 1.5,2,3,4 at iteration 0.
        double expected = Math.sqrt(1.5 * 1.5 + 4 + 9 + 16) - Math.sqrt(1 + 4 + 9 + 16);
        assertEquals(expected, r.gap().get(0).paramNormSpread(), 1e-12);
        assertEquals(0.0, r.gap().get(0).maxAbsLossDelta());
    }

    @Test
    void finalValidationStatsCoverFinishedRunsAndTheVerdictGivesTheirSpread() {
        RunHistory a = run("a").val(0.90, 0.30).build();
        RunHistory b = run("b").divergeAt(1, 0, "b").val(0.92, 0.20).build();
        ExperimentReport r = ExperimentAnalysis.analyse(List.of(a, b), 0);
        assertEquals(2, r.valAccuracy().n());
        assertEquals(0.91, r.valAccuracy().mean(), 1e-12);
        assertEquals(Math.sqrt(2) * 0.01, r.valAccuracy().std(), 1e-12);
        assertEquals(0.25, r.valLoss().mean(), 1e-12);
        assertTrue(r.verdict().contains("std of 0.0141"), r.verdict());
    }

    @Test
    void equalProvenanceButDifferentRunsBlamesNativeKernelsNotSeeds() {
        ExperimentSpec twoThreads = ExperimentSpec.defaults().withExecution(
                ExperimentSpec.defaults().execution().withThreads(2));
        RunHistory a = run("a").spec(twoThreads).build();
        RunHistory b = run("b").spec(twoThreads).divergeAt(3, 1, "b").build();
        String verdict = ExperimentAnalysis.analyse(List.of(a, b), 0).verdict();
        assertTrue(verdict.contains("nondeterministic native kernels"), verdict);
        assertTrue(verdict.contains("it is not the seeds"), verdict);
        assertTrue(verdict.contains("2 native threads"), verdict);
    }

    @Test
    void threadCountAndEnvironmentDifferencesAreNamed() {
        ExperimentSpec two = ExperimentSpec.defaults().withExecution(ExperimentSpec.defaults().execution().withThreads(2));
        RunHistory a = run("a").build();
        RunHistory b = run("b").spec(two).environment(Map.of("OMP_NUM_THREADS", "2")).divergeAt(2, 0, "b").build();
        String verdict = ExperimentAnalysis.analyse(List.of(a, b), 0).verdict();
        assertTrue(verdict.contains("the native thread count differs (1 / 2)"), verdict);
        assertTrue(verdict.contains("OMP_NUM_THREADS = 1 / 2"), verdict);
        assertFalse(verdict.contains("seed"), verdict);
    }

    @Test
    void helpersDataTypeAndEnabledSeedWithDifferentValuesAreNamed() {
        ExperimentSpec noHelpers = ExperimentSpec.defaults().withExecution(
                ExperimentSpec.defaults().execution().withHelpers(false)
                        .withDataType(reprolab.experiment.DataTypeName.DOUBLE));
        RunHistory a = run("a").build();
        RunHistory b = run("b").spec(noHelpers).seeds(new ResolvedSeeds(42, 42, 7, 42)).divergeAt(0, 0, "b").build();
        String verdict = ExperimentAnalysis.analyse(List.of(a, b), 0).verdict();
        assertTrue(verdict.contains("vendor kernels"), verdict);
        assertTrue(verdict.contains("the data type differs (float / double)"), verdict);
        assertTrue(verdict.contains("the data shuffle seed differs between runs (7, 42)"), verdict);
    }
}
