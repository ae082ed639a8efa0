package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects events from background threads and hands them to the FX thread in one batch per pulse,
 * so thousands of iterations a second cost one UI update each ~100 ms instead of one call per point.
 */
public final class EventBatcher implements RunEventListener {

    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    /** Only the latest status of a run matters, so statuses are kept apart from the events. */
    private final Map<String, String> statuses = new java.util.concurrent.ConcurrentHashMap<>();

    private record Item(String runId, WorkerEvent event, List<RunHistory> allEnded) {
    }

    /**
     * Events of one pulse, grouped by run in arrival order.
     *
     * @param allEnded the final histories when the experiment ended during this pulse, else null
     */
    public record Batch(Map<String, List<WorkerEvent>> events, List<RunHistory> allEnded) {

        public boolean isEmpty() {
            return events.isEmpty() && allEnded == null;
        }

        public int size() {
            return events.values().stream().mapToInt(List::size).sum();
        }
    }

    @Override
    public void onEvent(String runId, WorkerEvent event) {
        queue.add(new Item(runId, event, null));
    }

    @Override
    public void onStatus(String runId, String status) {
        statuses.put(runId, status);
    }

    /** Takes the latest status of each run that reported one since the last call. */
    public Map<String, String> drainStatuses() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String runId : List.copyOf(statuses.keySet())) {
            String status = statuses.remove(runId);
            if (status != null) {
                out.put(runId, status);
            }
        }
        return out;
    }

    @Override
    public void onAllEnded(List<RunHistory> runs) {
        queue.add(new Item(null, null, List.copyOf(runs)));
    }

    /** Takes everything queued so far; never blocks. */
    public Batch drain() {
        Map<String, List<WorkerEvent>> events = new LinkedHashMap<>();
        List<RunHistory> ended = null;
        Item item;
        while ((item = queue.poll()) != null) {
            if (item.allEnded() != null) {
                ended = item.allEnded();
            } else {
                events.computeIfAbsent(item.runId(), k -> new ArrayList<>()).add(item.event());
            }
        }
        return new Batch(events, ended);
    }
}
