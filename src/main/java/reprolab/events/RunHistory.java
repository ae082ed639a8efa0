package reprolab.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run has reported, in order: an immutable snapshot that analysis and views read.
 *
 * @param runId      the run's id
 * @param started    provenance, or null if the run never got that far
 * @param iterations iteration events in order (index 0 is the initial model when present)
 * @param epochs     epoch events in order
 * @param finished   the finished event, or null
 * @param failed     the failed event, or null
 * @param problems   lines that could not be read (truncated, garbled), described for the user
 */
public record RunHistory(String runId, StartedEvent started, List<IterationEvent> iterations, List<EpochEvent> epochs,
                         FinishedEvent finished, FailedEvent failed, List<String> problems) {

    public RunHistory {
        iterations = List.copyOf(iterations);
        epochs = List.copyOf(epochs);
        problems = List.copyOf(problems);
    }

    /** Builds a history from events in the order they were written; events after an end are problems. */
    public static RunHistory of(String runId, List<WorkerEvent> events, List<String> problems) {
        StartedEvent started = null;
        List<IterationEvent> iterations = new ArrayList<>();
        List<EpochEvent> epochs = new ArrayList<>();
        FinishedEvent finished = null;
        FailedEvent failed = null;
        List<String> allProblems = new ArrayList<>(problems);
        for (WorkerEvent event : events) {
            if (finished != null || failed != null) {
                allProblems.add("event after the end of the run ignored: " + event.type());
                continue;
            }
            if (event instanceof StartedEvent s) {
                started = s;
            } else if (event instanceof IterationEvent i) {
                iterations.add(i);
            } else if (event instanceof EpochEvent e) {
                epochs.add(e);
            } else if (event instanceof FinishedEvent f) {
                finished = f;
            } else if (event instanceof FailedEvent f) {
                failed = f;
            }
        }
        return new RunHistory(runId, started, iterations, epochs, finished, failed, allProblems);
    }

    /**
     * Status as the events tell it; a run with no end event is {@code INCOMPLETE} here, and a
     * launcher that still owns the run reports it as {@code RUNNING} instead.
     */
    public RunStatus status() {
        if (finished != null) {
            return RunStatus.FINISHED;
        }
        if (failed != null) {
            return failed.cause() == FailureCause.CANCELLED ? RunStatus.CANCELLED : RunStatus.FAILED;
        }
        return RunStatus.INCOMPLETE;
    }

    /** The last reported iteration number, or -1 when none. */
    public int lastIteration() {
        return iterations.isEmpty() ? -1 : iterations.get(iterations.size() - 1).iteration();
    }
}
