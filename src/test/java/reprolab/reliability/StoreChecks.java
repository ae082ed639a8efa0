package reprolab.reliability;

import reprolab.events.FailureCause;
import reprolab.events.RunHistory;
import reprolab.events.RunStatus;
import reprolab.run.ExperimentEntry;
import reprolab.run.ExperimentStore;
import reprolab.run.StoreException;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What must hold of a data folder after any number of kills: nothing lost, nothing to repair. */
final class StoreChecks {

    private StoreChecks() {
    }

    /**
     * Asserts that the list loads with no problem, every finished run is intact (its final hash is the
     * last iteration's model hash, no line damaged, no iteration missing), and every other run is
     * incomplete or failed as crashed. Returns how many runs ended in each status.
     */
    static Map<RunStatus, Integer> assertIntact(Path root) throws StoreException {
        ExperimentStore store = new ExperimentStore(root);
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        List<ExperimentEntry> entries = store.list();
        for (ExperimentEntry entry : entries) {
            assertNull(entry.problem(), entry.folder() + " cannot be opened");
            List<RunHistory> runs = store.open(entry.folder()).loadRuns();
            for (RunHistory run : runs) {
                counts.merge(run.status(), 1, Integer::sum);
                if (run.status() == RunStatus.FINISHED) {
                    assertFinishedIntact(run);
                } else {
                    assertTrue(run.status() == RunStatus.INCOMPLETE || (run.status() == RunStatus.FAILED
                            && run.failed().cause() == FailureCause.CRASHED), run.runId() + " is " + run.status());
                }
            }
            assertEquals(runs, store.open(entry.folder()).loadRuns(), "reading twice gives the same runs");
        }
        return counts;
    }

    static void assertFinishedIntact(RunHistory run) {
        assertTrue(run.problems().isEmpty(), run.runId() + ": " + run.problems());
        assertNotNull(run.started(), run.runId() + " has no started event");
        int updates = run.finished().iterations();
        assertEquals(updates + 1, run.iterations().size(), run.runId() + ": iterations 0.." + updates);
        assertEquals(run.iterations().get(updates).modelHash(), run.finished().finalHash(),
                run.runId() + ": the final hash is the last iteration's");
    }
}
