package reprolab.ablation;

import org.junit.jupiter.api.Test;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.SpecOverrides;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongTrainingTest {

    @Test
    void theTinyModelTrainsThirtyEpochsWithAboutFiftySnapshots() throws Exception {
        ExperimentSpec spec = LongTraining.apply(AblationPlannerTest.tiny()); // 200 digits, batch 50: 4 updates an epoch
        assertEquals(30, spec.model().epochs());
        assertEquals(120 / 50, spec.runs().snapshotEvery());
    }

    @Test
    void theSeedCnnGetsFewerSnapshotsBecauseEachIsLarge() throws Exception {
        ExperimentSpec spec = LongTraining.apply(ExperimentSpec.defaults()); // 8000 digits, batch 64: 125 an epoch
        assertEquals(3, spec.model().epochs());
        assertEquals(375 / 10, spec.runs().snapshotEvery());
    }

    @Test
    void moreEpochsAndAChosenSnapshotPeriodAreKept() throws Exception {
        ExperimentSpec spec = LongTraining.apply(SpecOverrides.apply(AblationPlannerTest.tiny(),
                List.of("model.epochs=80", "runs.snapshotEvery=7")));
        assertEquals(80, spec.model().epochs());
        assertEquals(7, spec.runs().snapshotEvery());
    }
}
