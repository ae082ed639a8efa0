package reprolab.run;

import reprolab.events.RunHistory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The runs of one experiment while a launcher owns them. Thread-safe. */
public interface RunningExperiment {

    /** What every run has reported so far, in the order the runs were given (queued runs are empty). */
    List<RunHistory> snapshot();

    /** Stops one run at once (its worker process tree is killed); a queued run never starts. */
    void cancel(String runId);

    /** Stops every run at once and starts no more; what they reported is kept. */
    void cancelAll();

    /**
     * Stops watching, as when the app closes. Local workers cannot outlive their launcher, so they are
     * cancelled; a cluster's jobs go on and reopening the experiment follows them again.
     */
    default void detach() {
        cancelAll();
    }

    /** Whether every run has ended. */
    default boolean isDone() {
        return completion().isDone();
    }

    /** Waits until every run has ended; returns their histories. */
    default List<RunHistory> await() throws InterruptedException {
        try {
            return completion().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the experiment's completion never fails", e);
        }
    }

    /** Completes with the histories once every run has ended; never completes exceptionally. */
    CompletableFuture<List<RunHistory>> completion();
}
