package reprolab.ablation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.Json;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;
import reprolab.lesson.LessonFields;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AblationPlannerTest {

    /** JSON pointers (into a RunSpec's JSON) that a factor's group may change; nothing else may. */
    private static final Map<AblationFactor, List<String>> VARIES = Map.of(
            AblationFactor.WEIGHT_INIT, List.of("/seeds/weightInit", "/spec/seeds/weightInit"),
            AblationFactor.DROPOUT, List.of("/seeds/dropout", "/spec/seeds/dropout"),
            AblationFactor.SHUFFLE, List.of("/seeds/shuffle", "/spec/seeds/shuffle"),
            AblationFactor.SPLIT, List.of("/seeds/split", "/spec/seeds/split"),
            AblationFactor.THREADS, List.of("/spec/execution/threads"),
            AblationFactor.HELPERS, List.of("/spec/execution/helpers"),
            AblationFactor.DATA_TYPE, List.of("/spec/execution/dataType"),
            AblationFactor.PERTURBATION, List.of("/spec/perturbation"),
            AblationFactor.LEARNING_RATE, List.of("/spec/model/learningRate"));

    /** The value that must differ between runs of the group. */
    private static final Map<AblationFactor, String> VALUE = Map.of(
            AblationFactor.WEIGHT_INIT, "/seeds/weightInit",
            AblationFactor.DROPOUT, "/seeds/dropout",
            AblationFactor.SHUFFLE, "/seeds/shuffle",
            AblationFactor.SPLIT, "/seeds/split",
            AblationFactor.THREADS, "/spec/execution/threads",
            AblationFactor.HELPERS, "/spec/execution/helpers",
            AblationFactor.DATA_TYPE, "/spec/execution/dataType",
            AblationFactor.PERTURBATION, "/spec/perturbation/seed",
            AblationFactor.LEARNING_RATE, "/spec/model/learningRate");

    static ExperimentSpec tiny() throws SpecException {
        return SpecJson.parse("""
                {"name": "tiny", "data": {"source": "mnist-sample", "trainSize": 200, "validationSize": 50},
                 "model": {"name": "tiny", "epochs": 1, "batchSize": 50}}""");
    }

    private static AblationPlan planAll(ExperimentSpec spec, int repeats, int cores) {
        return AblationPlanner.plan(spec, repeats, AblationFactor.varying(), cores, new Random(1));
    }

    private static AblationPlan.Group group(AblationPlan plan, AblationFactor factor) {
        return plan.groups().stream().filter(g -> g.factor().equals(factor.group())).findFirst().orElseThrow();
    }

    private static JsonNode without(RunSpec run, List<String> pointers) {
        ObjectNode tree = Json.mapper().valueToTree(run);
        tree.remove("runId");
        for (String pointer : pointers) {
            int cut = pointer.lastIndexOf('/');
            ((ObjectNode) tree.at(pointer.substring(0, cut))).remove(pointer.substring(cut + 1));
        }
        return tree;
    }

    @ParameterizedTest
    @EnumSource(value = AblationFactor.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"BASELINE", "DETERMINISTIC_ALGORITHMS", "CUDNN_BENCHMARK", "DEVICE"}) // PyTorch ones: PyTorchAblationFactorsTest
    void onlyTheGroupsFactorDiffersFromTheBaseline(AblationFactor factor) throws SpecException {
        AblationPlan plan = planAll(tiny(), 4, 8);
        RunSpec baseline = group(plan, AblationFactor.BASELINE).runs().get(0);
        JsonNode expected = without(baseline, VARIES.get(factor));
        for (RunSpec run : group(plan, factor).runs()) {
            assertEquals(expected, without(run, VARIES.get(factor)), run.runId() + " changes more than " + factor);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AblationFactor.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"BASELINE", "DETERMINISTIC_ALGORITHMS", "CUDNN_BENCHMARK", "DEVICE"}) // PyTorch ones: PyTorchAblationFactorsTest
    void theGroupsFactorTakesDifferentValuesInItsFirstTwoRuns(AblationFactor factor) throws SpecException {
        List<RunSpec> runs = group(planAll(tiny(), 2, 8), factor).runs();
        JsonNode first = Json.mapper().valueToTree(runs.get(0)).at(VALUE.get(factor));
        JsonNode second = Json.mapper().valueToTree(runs.get(1)).at(VALUE.get(factor));
        assertTrue(!first.isMissingNode() && !second.isMissingNode());
        assertNotEquals(first, second, factor + " does not vary");
    }

    @Test
    void baselineRunsAreIdenticalAndFixSeedsThatWereOff() throws SpecException {
        ExperimentSpec spec = tiny().withSeeds(tiny().seeds().with(SeedKind.DROPOUT, SeedSetting.off()));
        AblationPlan plan = planAll(spec, 3, 2);
        List<RunSpec> runs = group(plan, AblationFactor.BASELINE).runs();
        assertEquals(1, runs.stream().map(r -> without(r, List.of())).distinct().count());
        assertTrue(plan.baseline().seeds().dropout().enabled(), "the stored baseline has every seed on");
        assertEquals(plan.baseline().seeds().dropout().value(), runs.get(0).seeds().dropout());
        assertEquals(42, runs.get(0).seeds().weightInit());
    }

    @Test
    void runIdsAreUniqueAcrossTheAblationAndNameTheirGroup() throws SpecException {
        AblationPlan plan = planAll(tiny(), 3, 2);
        Set<String> ids = new HashSet<>();
        plan.allRuns().forEach(r -> assertTrue(ids.add(r.runId()), "duplicate " + r.runId()));
        assertEquals(10 * 3, ids.size());
        assertEquals(List.of("dropout-01", "dropout-02", "dropout-03"), group(plan, AblationFactor.DROPOUT).runIds());
    }

    @Test
    void threadsAlternateOneAndTheCores() throws SpecException {
        List<RunSpec> runs = group(planAll(tiny(), 3, 6), AblationFactor.THREADS).runs();
        assertEquals(List.of(1, 6, 1), runs.stream().map(r -> r.spec().execution().threads()).toList());
    }

    @Test
    void threadsGroupOfAThreadInvariantExperimentKeepsTheSettingAndSaysItShouldNotBreak() throws SpecException {
        ExperimentSpec invariant = tiny().withExecution(tiny().execution().withThreadInvariant(true));
        AblationPlan.Group threads = group(planAll(invariant, 2, 2), AblationFactor.THREADS);
        assertTrue(threads.runs().stream().allMatch(r -> r.spec().execution().threadInvariant()));
        assertTrue(threads.description().contains("thread-invariant"), threads.description());
        assertFalse(group(planAll(tiny(), 2, 2), AblationFactor.THREADS).description().contains("thread-invariant"));
    }

    @Test
    void threadsUseTwoOnAOneCoreMachine() throws SpecException {
        List<RunSpec> runs = group(planAll(tiny(), 2, 1), AblationFactor.THREADS).runs();
        assertEquals(List.of(1, 2), runs.stream().map(r -> r.spec().execution().threads()).toList());
    }

    @Test
    void learningRateGroupAlternatesBaselineAndTwiceIt() throws SpecException {
        List<RunSpec> runs = group(planAll(tiny(), 2, 2), AblationFactor.LEARNING_RATE).runs();
        assertEquals(List.of(1e-3, 2e-3), runs.stream().map(r -> r.spec().model().learningRate()).toList());
    }

    @Test
    void perturbationOfAnUnperturbedBaselineHappensWithinTheRun() throws SpecException {
        RunSpec run = group(planAll(tiny(), 2, 2), AblationFactor.PERTURBATION).runs().get(0);
        assertTrue(run.spec().perturbation().enabled());
        assertEquals(2, run.spec().perturbation().iteration(), "200 examples / batch 50 = 4 updates; halfway");
        assertEquals(1e-8, run.spec().perturbation().epsilon());
    }

    @Test
    void factorsOnlyGroupsFollowTheBaselineInTheOrderGiven() throws SpecException {
        AblationPlan plan = AblationPlanner.plan(tiny(), 2, AblationFactor.parse(List.of("learningRate", "dropout")),
                2, new Random(3));
        assertEquals(List.of("baseline", "learning-rate-x2", "dropout"),
                plan.groups().stream().map(AblationPlan.Group::factor).toList());
    }

    @Test
    void everyLessonFactorNameIsAKnownFactor() {
        assertEquals(LessonFields.FACTORS.size(), AblationFactor.parse(LessonFields.FACTORS).size());
    }

    @Test
    void unknownFactorNamesAreAllNamedInOneMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AblationFactor.parse(List.of("dropout", "seeed", "gpu")));
        assertTrue(e.getMessage().contains("'seeed', 'gpu'") && e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void learningRateThatCannotBeDoubledIsRefused() throws SpecException {
        ExperimentSpec spec = tiny().withModel(tiny().model().withLearningRate(60));
        assertThrows(IllegalArgumentException.class, () -> planAll(spec, 2, 2));
    }
}
