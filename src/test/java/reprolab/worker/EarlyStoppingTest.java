package reprolab.worker;

import org.junit.jupiter.api.Test;
import reprolab.experiment.EarlyStoppingSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EarlyStoppingTest {

    private static EarlyStopping<String> feed(EarlyStoppingSpec spec, double... losses) {
        EarlyStopping<String> stopping = new EarlyStopping<>(spec);
        for (int epoch = 0; epoch < losses.length && !stopping.shouldStop(); epoch++) {
            int e = epoch;
            stopping.afterEpoch(epoch, losses[epoch], () -> "weights of epoch " + e);
        }
        return stopping;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        EarlyStopping<String> stopping = feed(new EarlyStoppingSpec(true, 2, true), 1.0, 0.8, 0.85, 0.9, 0.1);
        assertTrue(stopping.stoppedEarly());
        assertEquals("weights of epoch 1", stopping.weightsToRestore());
        assertEquals(1, stopping.restoredEpoch());
    }

    @Test
    void equalLossIsNoImprovement() {
        assertTrue(feed(new EarlyStoppingSpec(true, 1, true), 0.5, 0.5).stoppedEarly());
    }

    @Test
    void nothingToRestoreWhenTheLastEpochWasTheBest() {
        EarlyStopping<String> stopping = feed(new EarlyStoppingSpec(true, 3, true), 1.0, 0.9, 0.8);
        assertFalse(stopping.stoppedEarly());
        assertNull(stopping.weightsToRestore());
        assertEquals(-1, stopping.restoredEpoch());
    }

    @Test
    void withoutRestoreBestTheWeightsAreNeverCopied() {
        EarlyStopping<String> stopping = new EarlyStopping<>(new EarlyStoppingSpec(true, 1, false));
        stopping.afterEpoch(0, 1.0, () -> {
            throw new AssertionError("no copy needed");
        });
        stopping.afterEpoch(1, 2.0, () -> "unused");
        assertTrue(stopping.stoppedEarly());
        assertNull(stopping.weightsToRestore());
    }

    @Test
    void disabledNeverStops() {
        EarlyStopping<String> stopping = feed(new EarlyStoppingSpec(false, 1, true), 1.0, 2.0, 3.0, 4.0);
        assertFalse(stopping.stoppedEarly());
        assertNull(stopping.weightsToRestore());
    }
}
