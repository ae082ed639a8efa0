package reprolab.gui.ablation;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import reprolab.gui.EventBatcher;
import reprolab.gui.runs.RunRow;
import reprolab.gui.runs.RunsViewModel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-run progress of an ablation, as the Runs panel shows an experiment's: the same
 * {@link RunsViewModel} rows (status, iteration, ETA), each run under its group, and one summary line
 * (which group is running, how many runs are done, the time left). Events wait in an
 * {@link EventBatcher} until the window's pulse applies them. Changed only on the FX thread.
 */
public final class AblationProgress {

    private final RunsViewModel runs = new RunsViewModel();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private EventBatcher batcher = new EventBatcher();
    private Map<String, String> groupOf = Map.of();
    private List<String> groups = List.of();
    private long firstEventNanos = -1;
    private long lastPulseNanos;

    /** Forgets the last ablation; the returned batcher is what the new one's events go to. */
    EventBatcher begin() {
        batcher = new EventBatcher();
        groupOf = Map.of();
        groups = List.of();
        firstEventNanos = -1;
        runs.reset(List.of());
        summary.set("");
        return batcher;
    }

    /** The planned runs, run id to group name in launch order. */
    void planned(Map<String, String> runGroups) {
        groupOf = new LinkedHashMap<>(runGroups);
        groups = runGroups.values().stream().distinct().toList();
        runs.addMissing(new ArrayList<>(runGroups.keySet()));
        summary.set("Waiting for the first of " + runGroups.size() + " runs…");
    }

    /** Applies what arrived since the last pulse. */
    void pulse(long nowNanos) {
        lastPulseNanos = nowNanos;
        EventBatcher.Batch batch = batcher.drain();
        if (batch.events().isEmpty()) {
            return;
        }
        if (firstEventNanos < 0) {
            firstEventNanos = nowNanos;
        }
        runs.apply(batch.events(), nowNanos);
        summary.set(describe(nowNanos));
    }

    /** Every run has ended: runs that never reported an end are shown as stopped. */
    void ended(boolean cancelled) {
        pulse(lastPulseNanos);
        runs.markAllEnded();
        long done = runs.rows().stream().filter(r -> "finished".equals(r.statusProperty().get())).count();
        summary.set((cancelled ? "Cancelled: " : "All runs ended: ") + done + " of " + runs.rows().size()
                + " runs finished.");
    }

    /** "Running group 2 of 5 (dropout), run dropout-1 · 3 of 15 runs done · about 0:42 left". */
    String describe(long nowNanos) {
        List<RunRow> rows = runs.rows();
        long done = rows.stream().filter(RunRow::isEnded).count();
        RunRow current = rows.stream().filter(r -> !r.isEnded()).findFirst().orElse(null);
        StringBuilder text = new StringBuilder();
        if (current != null) {
            String group = groupOf(current.runId());
            text.append("Running group ").append(groups.indexOf(group) + 1).append(" of ").append(groups.size())
                    .append(" (").append(group).append("), run ").append(current.runId()).append(" · ");
        }
        text.append(done).append(" of ").append(rows.size()).append(" runs done");
        String left = timeLeft(nowNanos);
        if (!left.isEmpty()) {
            text.append(" · about ").append(left).append(" left");
        }
        return text.toString();
    }

    /** From the mean pace of all runs so far: elapsed time × work left / work done. */
    private String timeLeft(long nowNanos) {
        double work = runs.rows().stream().mapToDouble(r -> r.isEnded() ? 1 : r.progressProperty().get()).sum();
        int total = runs.rows().size();
        if (work <= 0 || total == 0 || work >= total || nowNanos <= firstEventNanos) {
            return "";
        }
        long elapsed = nowNanos - firstEventNanos;
        return RunsViewModel.clock(Duration.ofNanos((long) (elapsed * (total - work) / work)));
    }

    /** The group a run belongs to, e.g. {@code dropout}; empty when unknown. */
    public String groupOf(String runId) {
        return groupOf.getOrDefault(runId, "");
    }

    /** One row per run of the ablation. */
    public RunsViewModel runs() {
        return runs;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
