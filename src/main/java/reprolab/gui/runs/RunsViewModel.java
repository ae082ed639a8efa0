package reprolab.gui.runs;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;
import reprolab.events.StartedEvent;
import reprolab.events.WorkerEvent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Progress of every run (iteration, ETA, status), updated once per batch of events. */
public final class RunsViewModel {

    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();

    public ObservableList<RunRow> rows() {
        return rows;
    }

    public Optional<RunRow> row(String runId) {
        return rows.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }

    /** Starts over with the planned runs of a new experiment. */
    public void reset(List<String> runIds) {
        rows.clear();
        for (int i = 0; i < runIds.size(); i++) {
            rows.add(new RunRow(runIds.get(i), i));
        }
    }

    /** Adds rows for planned runs not shown yet (events may have created some already). */
    public void addMissing(List<String> runIds) {
        for (String id : runIds) {
            if (row(id).isEmpty()) {
                rows.add(new RunRow(id, rows.size()));
            }
        }
    }

    /** Shows stored runs, already ended. */
    public void showStored(List<RunHistory> runs) {
        reset(runs.stream().map(RunHistory::runId).toList());
        for (RunHistory h : runs) {
            RunRow row = row(h.runId()).orElseThrow();
            row.markEnded();
            row.iterationProperty().set(h.lastIteration());
            row.totalProperty().set(h.started() == null ? 0 : h.started().provenance().totalIterations());
            row.progressProperty().set(h.finished() != null ? 1 : fraction(h.lastIteration(), row.totalProperty().get()));
            row.statusProperty().set(h.status().json());
        }
    }

    /** Applies one pulse's events: each row's properties change at most once. */
    public void apply(Map<String, List<WorkerEvent>> events, long nowNanos) {
        events.forEach((runId, list) -> {
            RunRow row = row(runId).orElseGet(() -> {
                RunRow added = new RunRow(runId, rows.size());
                rows.add(added);
                return added;
            });
            applyRun(row, list, nowNanos);
        });
    }

    /** Shows where queued runs stand (a cluster's "pending (reason)" or "running on node X") until they end. */
    public void applyStatuses(Map<String, String> statuses) {
        statuses.forEach((runId, status) -> row(runId).filter(r -> !r.isEnded()).ifPresent(r -> r.statusProperty().set(status)));
    }

    /** Marks runs that never reported an end as stopped (the experiment is over). */
    public void markAllEnded() {
        for (RunRow row : rows) {
            if (!row.isEnded()) {
                row.markEnded();
                row.statusProperty().set("stopped");
                row.etaProperty().set("");
            }
        }
    }

    private void applyRun(RunRow row, List<WorkerEvent> list, long nowNanos) {
        int iteration = row.iterationProperty().get();
        String status = row.statusProperty().get();
        for (WorkerEvent e : list) {
            if (e instanceof StartedEvent s) {
                row.totalProperty().set(s.provenance().totalIterations());
                row.startedNanos = nowNanos;
                status = status.startsWith("running on") ? status : "running"; // keeps a cluster's node
            } else if (e instanceof IterationEvent it) {
                iteration = it.iteration();
                if (row.startedNanos < 0) {
                    row.startedNanos = nowNanos;
                }
            } else if (e instanceof FinishedEvent) {
                row.markEnded();
                status = "finished";
            } else if (e instanceof FailedEvent f) {
                row.markEnded();
                status = f.cause() == FailureCause.CANCELLED ? "cancelled" : "failed: " + f.reason();
            }
        }
        int total = row.totalProperty().get();
        row.iterationProperty().set(iteration);
        row.statusProperty().set(status);
        row.progressProperty().set("finished".equals(status) ? 1 : fraction(iteration, total));
        row.etaProperty().set(row.isEnded() ? "" : eta(row, iteration, total, nowNanos));
    }

    private static double fraction(int iteration, int total) {
        return total <= 0 || iteration < 0 ? 0 : Math.min(1, (double) iteration / total);
    }

    /** Remaining time from the mean pace so far; empty until there is a pace to go by. */
    static String eta(RunRow row, int iteration, int total, long nowNanos) {
        if (iteration <= 0 || total <= 0 || row.startedNanos < 0 || nowNanos <= row.startedNanos) {
            return "";
        }
        double perIteration = (double) (nowNanos - row.startedNanos) / iteration;
        return clock(Duration.ofNanos((long) (perIteration * Math.max(0, total - iteration))));
    }

    /** A time left as the ETA column shows it: "1:05", or "2h 03m" from an hour on. */
    public static String clock(Duration left) {
        long s = left.toSeconds();
        return s >= 3600 ? String.format("%dh %02dm", s / 3600, (s % 3600) / 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
