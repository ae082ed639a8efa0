package reprolab.run;

import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SeedKind;
import reprolab.experiment.SeedSetting;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlannerTest {

    @Test
    void repeatsAreNumberedWithZeroPaddedIds() {
        assertEquals(List.of("run-01", "run-02", "run-03"),
                Planner.repeats(ExperimentSpec.defaults(), 3).stream().map(RunSpec::runId).toList());
        assertEquals("run-100", Planner.repeats(ExperimentSpec.defaults(), 100).get(99).runId());
        assertEquals("run-001", Planner.repeats(ExperimentSpec.defaults(), 100).get(0).runId());
    }

    @Test
    void enabledSeedsAreSharedAndDisabledSeedsAreDrawnPerRun() {
        ExperimentSpec spec = ExperimentSpec.defaults()
                .withSeeds(ExperimentSpec.defaults().seeds().with(SeedKind.DROPOUT, SeedSetting.off()));
        List<RunSpec> runs = Planner.repeats(spec, 5);

        assertEquals(Set.of(42L), runs.stream().map(r -> r.seeds().weightInit()).collect(Collectors.toSet()));
        assertEquals(5, runs.stream().map(r -> r.seeds().dropout()).collect(Collectors.toSet()).size());
    }

    @Test
    void repeatsOutsideTheAllowedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Planner.repeats(ExperimentSpec.defaults(), 0));
        assertThrows(IllegalArgumentException.class, () -> Planner.repeats(ExperimentSpec.defaults(), 1001));
    }
}
