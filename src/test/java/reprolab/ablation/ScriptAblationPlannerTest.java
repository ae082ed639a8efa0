package reprolab.ablation;

import org.junit.jupiter.api.Test;
import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ScriptSpec;
import reprolab.experiment.SeedSetting;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A script's ablation plan: every toggle (the CLI's) or the ones the app's Ablation tab chose. */
class ScriptAblationPlannerTest {

    private static ExperimentSpec script(Backend backend) {
        ScriptSpec s = new ScriptSpec("/tmp/train.py", "0".repeat(64), List.of(), "/tmp", 0, SeedSetting.on(7),
                SeedSetting.off());
        return ExperimentSpec.defaults().withExecution(ExecutionSpec.defaults().withEngine(Engine.PYTORCH)
                .withBackend(backend)).withScript(s);
    }

    private static List<String> groups(AblationPlan plan) {
        return plan.groups().stream().map(AblationPlan.Group::factor).toList();
    }

    @Test
    void theFullPlanHasOneGroupPerToggleOfItsBackendAfterTheBaseline() {
        for (Backend b : Backend.values()) {
            List<String> expected = new java.util.ArrayList<>(List.of("baseline"));
            expected.addAll(ScriptAblationPlanner.factors(b));
            assertEquals(expected, groups(ScriptAblationPlanner.plan(script(b), 2)), b.toString());
        }
        assertEquals(List.of("seed", "hashSeed", "threads"), ScriptAblationPlanner.factors(Backend.CPU));
    }

    @Test
    void chosenTogglesKeepTheBaselineAndReportOrderWhateverTheOrderGiven() {
        AblationPlan plan = ScriptAblationPlanner.plan(script(Backend.CPU), 2, List.of("hashSeed", "seed", "baseline"),
                new Random(3));
        assertEquals(List.of("baseline", "seed", "hashSeed"), groups(plan));
        assertEquals(6, plan.allRuns().size());
        assertEquals(7, plan.baseline().script().seed().value(), "the script's own seed stays the baseline's");
        assertTrue(plan.baseline().script().hashSeed().enabled(), "an unset hash seed is drawn once and fixed");
    }

    @Test
    void aToggleTheBackendLacksIsRefusedNamingTheOnesItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScriptAblationPlanner.plan(script(Backend.CPU), 2, List.of("cudnnBenchmark")));
        assertTrue(e.getMessage().contains("'cudnnBenchmark'") && e.getMessage().contains("seed, hashSeed, threads"),
                e.getMessage());
    }
}
