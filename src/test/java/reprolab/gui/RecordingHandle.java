package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The part the test engines share: a handle that records every event it hands to the listener, so
 * snapshots are what the app heard, and notes a cancel for the script that emits the events.
 */
abstract class RecordingHandle implements RunningHandle {

    protected final List<String> ids;
    protected final RunEventListener listener;
    private final Path folder;
    private final Map<String, List<WorkerEvent>> events = new ConcurrentHashMap<>();
    protected volatile boolean cancelled;

    RecordingHandle(List<String> ids, RunEventListener listener, Path folder) {
        this.ids = List.copyOf(ids);
        this.listener = listener;
        this.folder = folder;
        ids.forEach(id -> events.put(id, new CopyOnWriteArrayList<>()));
    }

    /** Records the event, then tells the listener, as the launcher does (stored first, then heard). */
    protected void emit(String id, WorkerEvent e) {
        events.get(id).add(e);
        listener.onEvent(id, e);
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public List<String> runIds() {
        return ids;
    }

    @Override
    public List<RunHistory> snapshot() {
        return ids.stream().map(id -> RunHistory.of(id, List.copyOf(events.get(id)), List.of())).toList();
    }

    @Override
    public void cancel(String runId) {
        cancelled = true;
    }

    @Override
    public void cancelAll() {
        cancelled = true;
    }
}
