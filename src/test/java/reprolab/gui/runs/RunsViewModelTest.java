package reprolab.gui.runs;

import org.junit.jupiter.api.Test;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.WorkerEvent;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's end, not its status text, decides whether it can still be cancelled. */
class RunsViewModelTest {

    @Test
    void aClusterRunPendingRunningOrUnknownCanStillBeCancelledAndAnEndedOneCannot() {
        RunsViewModel vm = new RunsViewModel();
        vm.reset(List.of("run-01", "run-02"));
        RunRow row = vm.row("run-01").orElseThrow();
        for (String status : List.of("pending (Priority)", "running on node n1",
                "unknown since 14:05: Slurm does not answer (squeue failed (exit 1): ...)")) {
            vm.applyStatuses(Map.of("run-01", status));
            assertEquals(status, row.statusProperty().get());
            assertFalse(row.endedProperty().get(), status + " is a run that can be cancelled");
        }
        Map<String, List<WorkerEvent>> end = Map.of("run-01",
                List.of(new FailedEvent("the node failed (NODE_FAIL on node n1)", 3, FailureCause.CRASHED)));
        vm.apply(end, 0);
        assertTrue(row.endedProperty().get());
        vm.applyStatuses(Map.of("run-01", "running on node n2"));
        assertTrue(row.statusProperty().get().startsWith("failed: the node failed"), "a status never hides the end");
        vm.markAllEnded();
        assertTrue(vm.row("run-02").orElseThrow().endedProperty().get());
    }
}
