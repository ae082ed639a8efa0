package reprolab.gui;

import reprolab.events.RunHistory;

import java.nio.file.Path;
import java.util.List;

/** An experiment whose runs are in flight. Thread-safe; no method blocks on training. */
public interface RunningHandle {

    /** Where the experiment is stored. */
    Path folder();

    /** Ids of all planned runs, in plan order, known before any run reports. */
    List<String> runIds();

    /** What every run has reported so far. */
    List<RunHistory> snapshot();

    void cancel(String runId);

    void cancelAll();

    boolean isDone();

    /** Stops watching as the app closes: local runs are cancelled, a cluster's jobs go on. */
    default void detach() {
        cancelAll();
    }
}
