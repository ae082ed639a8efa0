package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.util.List;

/** Receives a running experiment's events; every method is called on a background thread. */
public interface RunEventListener {

    void onEvent(String runId, WorkerEvent event);

    default void onRunEnded(String runId, RunHistory history) {
    }

    default void onAllEnded(List<RunHistory> runs) {
    }
}
