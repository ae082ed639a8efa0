package reprolab.experiment;

import org.junit.jupiter.api.Test;
import reprolab.run.Planner;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The script section of an experiment: its file form, its checks and its seeds. */
class ScriptSpecTest {

    static final String SHA = "a".repeat(64);

    static ExperimentSpec scriptSpec(SeedSetting seed, SeedSetting hashSeed) {
        return ExperimentSpec.defaults().withExecution(ExecutionSpec.defaults().withEngine(Engine.PYTORCH))
                .withScript(new ScriptSpec("/tmp/train.py", SHA, List.of("--epochs", "1"), null, 0, seed, hashSeed));
    }

    @Test
    void aScriptExperimentSurvivesTheFileFormat() throws Exception {
        ExperimentSpec spec = scriptSpec(SeedSetting.on(3), SeedSetting.off());
        assertEquals(spec, SpecJson.parse(SpecJson.write(spec)));
    }

    @Test
    void anExperimentWithoutAScriptIsWrittenAndHashedAsBefore() {
        assertFalse(SpecJson.write(ExperimentSpec.defaults()).contains("script"));
        assertNull(ExperimentSpec.defaults().script());
        assertFalse(new ResolvedSeeds(1, 2, 3, 4).equals(new ResolvedSeeds(1, 2, 3, 4, 5L, 6L)));
    }

    @Test
    void theChecksNameTheField() {
        ExperimentSpec dl4j = scriptSpec(SeedSetting.off(), SeedSetting.on(ScriptSpec.MAX_HASH_SEED + 1))
                .withExecution(ExecutionSpec.defaults());
        List<String> problems = SpecValidator.validate(dl4j);
        assertTrue(problems.stream().anyMatch(p -> p.contains("'script.hashSeed.value'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("'execution.engine' must be 'pytorch'")), problems.toString());
        ExperimentSpec noSha = scriptSpec(SeedSetting.off(), SeedSetting.off()).withScript(
                new ScriptSpec("/tmp/t.py", "x", List.of(), null, -1, SeedSetting.off(), SeedSetting.off()));
        List<String> more = SpecValidator.validate(noSha);
        assertTrue(more.stream().anyMatch(p -> p.contains("'script.sha256'")), more.toString());
        assertTrue(more.stream().anyMatch(p -> p.contains("'script.timeLimitSeconds'")), more.toString());
    }

    @Test
    void thePlannerDrawsBothSeedsPerRunWhenOffAndKeepsThemWhenOn() {
        var drawn = Planner.repeats(scriptSpec(SeedSetting.off(), SeedSetting.off()), 2, new Random(1));
        assertNotEquals(drawn.get(0).seeds().script(), drawn.get(1).seeds().script());
        assertNotEquals(drawn.get(0).seeds().hashSeed(), drawn.get(1).seeds().hashSeed());
        assertTrue(drawn.get(0).seeds().hashSeed() <= ScriptSpec.MAX_HASH_SEED);
        var fixed = Planner.repeats(scriptSpec(SeedSetting.on(9), SeedSetting.on(0)), 2, new Random(1));
        for (RunSpec run : fixed) {
            assertEquals(9L, run.seeds().script());
            assertEquals(0L, run.seeds().hashSeed());
        }
        assertNull(Planner.repeats(ExperimentSpec.defaults(), 1).get(0).seeds().script());
    }
}
