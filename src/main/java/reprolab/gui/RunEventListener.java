package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.util.List;

/** Receives a running experiment's events; every method is called on a background thread. */
public interface RunEventListener {

    void onEvent(String runId, WorkerEvent event);

    /** Where a queued run stands (Slurm: "pending (Resources)", "running on node n3"); local runs have none. */
    default void onStatus(String runId, String status) {
    }

    default void onRunEnded(String runId, RunHistory history) {
    }

    default void onAllEnded(List<RunHistory> runs) {
    }
}
