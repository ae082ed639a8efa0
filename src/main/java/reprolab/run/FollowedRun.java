package reprolab.run;

import reprolab.events.EventCodec;
import reprolab.events.EventFormatException;
import reprolab.events.FailedEvent;
import reprolab.events.FinishedEvent;
import reprolab.events.RunHistory;
import reprolab.events.WorkerEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One run that executes elsewhere (a cluster task) and appends its events to {@code runs/<id>.jsonl}:
 * reads the complete lines added since the last look (a line still being written waits for its
 * newline), and keeps what it read. One reader at a time, holding {@link #readLock}; snapshots are synchronized.
 */
final class FollowedRun {

    private static final int MAX_READ = 4 * 1024 * 1024;

    private final String runId;
    private final int index;
    private final Path log;
    private final List<WorkerEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long offset;
    private int lineNumber;
    /** Held while the log is read or its end written: the follower and the Slurm query thread take turns. */
    final Object readLock = new Object();
    volatile boolean ended;
    volatile boolean cancelRequested;
    volatile String status = "";
    int unknownPolls;

    FollowedRun(String runId, int index, Path log) {
        this.runId = runId;
        this.index = index;
        this.log = log;
    }

    String runId() {
        return runId;
    }

    int index() {
        return index;
    }

    /** The events added to the log since the last call, in order. */
    List<WorkerEvent> readNew() {
        List<WorkerEvent> fresh = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_READ, Math.max(0, channel.size() - offset)));
            channel.read(buffer, offset);
            byte[] bytes = buffer.array();
            int end = buffer.position();
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (bytes[i] == '\n') {
                    decode(new String(bytes, start, i - start, StandardCharsets.UTF_8), fresh);
                    start = i + 1;
                }
            }
            offset += start; // a line without its newline yet is read again next time
        } catch (NoSuchFileException e) {
            return fresh; // the task has not started yet
        } catch (IOException e) {
            addProblem("the event log could not be read: " + e.getMessage());
        }
        synchronized (this) {
            events.addAll(fresh);
        }
        return fresh;
    }

    private void decode(String line, List<WorkerEvent> into) {
        lineNumber++;
        if (line.isBlank()) {
            return;
        }
        try {
            into.add(EventCodec.decode(line));
        } catch (EventFormatException e) {
            addProblem("line " + lineNumber + " skipped: " + e.getMessage());
        }
    }

    private synchronized void addProblem(String problem) {
        if (problems.size() < 100) {
            problems.add(problem);
        }
    }

    /** Whether the worker wrote its last word (finished or failed). */
    synchronized boolean hasEnd() {
        return events.stream().anyMatch(e -> e instanceof FinishedEvent || e instanceof FailedEvent);
    }

    /** What the run reported so far. */
    synchronized RunHistory history() {
        return RunHistory.of(runId, events, problems);
    }

    /** The exit code the task's script left in {@code <id>.exit}, or null when there is none (yet). */
    Integer exitMarker() {
        try {
            return Integer.valueOf(Files.readString(sibling(".exit")).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The node the task's script recorded in {@code <id>.node}, or null. */
    String nodeMarker() {
        try {
            String[] words = Files.readString(sibling(".node")).strip().split(" ");
            return words.length == 3 ? words[2] : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The last lines of the worker's stderr log. */
    List<String> stderrTail() {
        try {
            List<String> lines = Files.readAllLines(sibling(".stderr.log"), StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 20), lines.size());
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private Path sibling(String suffix) {
        return log.resolveSibling(runId + suffix);
    }
}
