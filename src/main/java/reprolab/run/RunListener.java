package reprolab.run;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.util.List;

/**
 * Hears what the runs of an experiment report. Called on background threads (one per run, so two
 * runs may call at once); a GUI batches what it hears onto its own thread. An exception thrown
 * here is logged and does not disturb the runs.
 */
public interface RunListener {

    /** An event of a run, already stored; includes the failed events the launcher writes for a worker. */
    void onEvent(String runId, WorkerEvent event);

    /**
     * Where a run stands at a target that queues it, e.g. "pending (Resources)" or "running on node
     * n3" (Slurm), or "unknown since 14:05: Slurm does not answer (...)" while the target cannot be
     * asked (the run is then neither ended nor failed); told on each change. Local runs have none.
     */
    default void onStatus(String runId, String status) {
    }

    /** A run has ended (finished, failed, cancelled) and its log is closed. */
    default void onRunEnded(String runId, RunHistory history) {
    }

    /** Every run has ended; called once, before {@link RunningExperiment#completion()} completes. */
    default void onAllEnded(List<RunHistory> runs) {
    }

    /** A listener that does nothing. */
    static RunListener none() {
        return (runId, event) -> { };
    }
}
