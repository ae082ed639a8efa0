package reprolab.analysis;

import org.junit.jupiter.api.Test;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SeedsSpec;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static reprolab.analysis.RunFixture.run;

class AblationAnalysisTest {

    private static final ExperimentSpec DROPOUT_OFF =
            ExperimentSpec.defaults().withSeeds(SeedsSpec.defaults().with(SeedKind.DROPOUT, SeedSetting.off()));

    private static AblationGroup identicalGroup(String factor, double valAccuracy) {
        return new AblationGroup(factor, factor + " fixed", List.of(
                run(factor + "-0").val(valAccuracy, 0.3).build(), run(factor + "-1").val(valAccuracy, 0.3).build(),
                run(factor + "-2").val(valAccuracy, 0.3).build()));
    }

    private static AblationGroup dropoutGroup() {
        List<RunHistory> runs = List.of(
                run("d-0").spec(DROPOUT_OFF).seeds(new ResolvedSeeds(42, 1, 42, 42)).val(0.90, 0.30).build(),
                run("d-1").spec(DROPOUT_OFF).seeds(new ResolvedSeeds(42, 2, 42, 42)).divergeAt(1, 0, "1").val(0.91, 0.28).build(),
                run("d-2").spec(DROPOUT_OFF).seeds(new ResolvedSeeds(42, 3, 42, 42)).divergeAt(1, 0, "2").val(0.92, 0.26).build());
        return new AblationGroup("dropout", "dropout seed off: each run draws its own masks", runs);
    }

    private static AblationGroup learningRateGroup() {
        List<RunHistory> runs = List.of(
                run("lr-0").val(0.90, 0.3).build(),
                run("lr-1").divergeAt(1, 0, "lr").val(0.96, 0.2).build());
        return new AblationGroup("learning-rate-x2", "learning rate 1e-3 vs 2e-3", runs);
    }

    @Test
    void onlyTheDropoutGroupIsBlamedWhenOnlyDropoutMasksVary() {
        AblationReport r = AblationAnalysis.analyse(List.of(identicalGroup("baseline", 0.9), dropoutGroup(),
                identicalGroup("shuffle", 0.9)));
        FactorResult baseline = r.factors().get(0);
        FactorResult dropout = r.factors().get(1);
        FactorResult shuffle = r.factors().get(2);
        assertFalse(baseline.breaksReproducibility());
        assertNull(baseline.firstDivergence());
        assertTrue(dropout.breaksReproducibility());
        assertEquals(new Divergence(1, "conv_0"), dropout.firstDivergence());
        assertFalse(shuffle.breaksReproducibility());
        assertEquals(1.0, dropout.varianceShare());
        assertEquals(0.0, shuffle.varianceShare());
        assertTrue(r.verdict().startsWith("Bitwise reproducibility is broken by dropout (from iteration 1 in layer conv_0)."),
                r.verdict());
        assertTrue(r.verdict().contains("The baseline (everything seeded) shows no bitwise difference."), r.verdict());
        assertFalse(r.verdict().contains("shuffle ("), r.verdict());
    }

    @Test
    void factorStatsAreThoseOfTheGroupsFinalValidationValues() {
        FactorResult dropout = AblationAnalysis.analyse(List.of(dropoutGroup())).factors().get(0);
        assertEquals("dropout seed off: each run draws its own masks", dropout.description());
        assertEquals(3, dropout.valAccuracy().n());
        assertEquals(0.91, dropout.valAccuracy().mean(), 1e-12);
        assertEquals(0.01, dropout.valAccuracy().std(), 1e-12);
        assertEquals(0.28, dropout.valLoss().mean(), 1e-12);
    }

    @Test
    void varianceSharesOfTheFactorsSumToOneAndLeaveTheBaselineOut() {
        AblationReport r = AblationAnalysis.analyse(List.of(identicalGroup("baseline", 0.9), dropoutGroup(),
                learningRateGroup()));
        double dropoutVariance = 0.01 * 0.01;
        double lrVariance = 0.06 * 0.06 / 2;
        double sum = r.factors().stream().mapToDouble(FactorResult::varianceShare).sum();
        assertEquals(1.0, sum, 1e-12);
        assertEquals(0.0, r.factors().get(0).varianceShare());
        assertEquals(dropoutVariance / (dropoutVariance + lrVariance), r.factors().get(1).varianceShare(), 1e-12);
        assertEquals(lrVariance / (dropoutVariance + lrVariance), r.factors().get(2).varianceShare(), 1e-12);
    }

    @Test
    void verdictComparesSeedNoiseWithTheHyperparameterReference() {
        AblationReport r = AblationAnalysis.analyse(List.of(identicalGroup("baseline", 0.9), dropoutGroup(),
                learningRateGroup()));
        assertTrue(r.verdict().contains("Largest noise: dropout (std of final validation accuracy 0.0100)"), r.verdict());
        assertTrue(r.verdict().contains("hyperparameter reference learning-rate-x2: std 0.0424"), r.verdict());
        assertTrue(r.verdict().contains("moves final accuracy 4.2x more than the noise"), r.verdict());
        assertTrue(r.verdict().contains("learning-rate-x2 accounts for 95% of the variance"), r.verdict());
    }

    @Test
    void aBaselineThatIsNotIdenticalIsFlagged() {
        AblationGroup broken = new AblationGroup("baseline", "everything seeded",
                List.of(run("b-0").build(), run("b-1").divergeAt(4, 2, "x").build()));
        AblationReport r = AblationAnalysis.analyse(List.of(broken, identicalGroup("dropout", 0.9)));
        assertTrue(r.factors().get(0).breaksReproducibility());
        assertEquals(0.0, r.factors().get(0).varianceShare());
        assertTrue(r.verdict().startsWith("No factor breaks bitwise reproducibility."), r.verdict());
        assertTrue(r.verdict().contains("the baseline (everything seeded) is NOT bitwise identical (from iteration 4"),
                r.verdict());
    }

    @Test
    void allSharesAreZeroWhenNoGroupVaries() {
        AblationReport r = AblationAnalysis.analyse(List.of(identicalGroup("baseline", 0.9),
                identicalGroup("dropout", 0.9), identicalGroup("split", 0.8)));
        assertTrue(r.factors().stream().allMatch(f -> f.varianceShare() == 0.0));
        assertTrue(r.factors().stream().noneMatch(FactorResult::breaksReproducibility));
    }

    @Test
    void unfinishedGroupsAreNamedAndEmptyAblationsHaveAVerdict() {
        AblationGroup cancelled = new AblationGroup("threads", "1 vs 2 threads",
                List.of(run("t-0").build(), run("t-1").iterations(3).incomplete().build()));
        AblationReport r = AblationAnalysis.analyse(List.of(cancelled));
        assertFalse(r.factors().get(0).breaksReproducibility());
        assertTrue(r.verdict().contains("Not every run finished in: threads"), r.verdict());
        assertEquals("No ablation groups to analyse yet.", AblationAnalysis.analyse(List.of()).verdict());
    }

    @Test
    void hyperparameterReferencesAreRecognisedByName() {
        assertTrue(AblationAnalysis.isHyperparameterReference("learning-rate-x2"));
        assertTrue(AblationAnalysis.isHyperparameterReference("batch-size-x2"));
        assertFalse(AblationAnalysis.isHyperparameterReference("dropout"));
        assertFalse(AblationAnalysis.isHyperparameterReference(null));
        assertTrue(AblationAnalysis.isBaseline("Baseline"));
    }
}
