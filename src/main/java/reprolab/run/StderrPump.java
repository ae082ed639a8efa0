package reprolab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a worker's stderr (a full pipe would block the worker) into {@code <id>.stderr.log}, up
 * to a size limit, and keeps its last lines in memory for the failure message. Stdout lines that
 * are not events are copied here too, so they can be looked at later.
 */
final class StderrPump implements Runnable {

    static final int TAIL_LINES = 20;
    private static final int MAX_LINE_KEPT = 2000;

    private final InputStream stderr;
    private final Path file;
    private final long maxBytes;
    private final Deque<String> tail = new ArrayDeque<>();
    private OutputStream out;
    private long written;
    private boolean truncated;
    private volatile boolean sawOutOfMemory;

    StderrPump(InputStream stderr, Path file, long maxBytes) {
        this.stderr = stderr;
        this.file = file;
        this.maxBytes = maxBytes;
        openFile();
    }

    @Override
    public void run() {
        try (stderr) {
            BoundedLineReader reader = new BoundedLineReader(stderr, MAX_LINE_KEPT);
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                String text = line.overlong() ? line.text() + "... (" + line.bytes() + " bytes)" : line.text();
                if (text.contains("OutOfMemoryError")) {
                    sawOutOfMemory = true;
                }
                keep(text);
                write(text);
            }
        } catch (IOException e) {
            // the worker is gone and its pipe with it: nothing more to read
        }
    }

    /** Records a stdout line that is not an event. */
    void copyGarbage(String line) {
        String cut = line.length() > MAX_LINE_KEPT ? line.substring(0, MAX_LINE_KEPT) + "..." : line;
        write("[stdout, not an event] " + cut);
    }

    /** The last lines, oldest first. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Whether the worker reported running out of heap or native memory. */
    boolean sawOutOfMemory() {
        return sawOutOfMemory;
    }

    private synchronized void keep(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private synchronized void openFile() {
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            out = null; // the tail in memory still reaches the user
        }
    }

    private synchronized void write(String line) {
        if (out == null || truncated) {
            return;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (written + bytes.length > maxBytes) {
                truncated = true;
                bytes = ("[stderr log cut at " + maxBytes + " bytes]\n").getBytes(StandardCharsets.UTF_8);
            }
            out.write(bytes); // unbuffered: a crash of the app keeps what was written
            written += bytes.length;
        } catch (IOException e) {
            closeFile(); // a full disk: the events matter more than the log
        }
    }

    /** Closes the log file; lines that arrive later are kept in memory only. */
    synchronized void close() {
        closeFile();
    }

    private synchronized void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
            out = null;
        }
    }
}
