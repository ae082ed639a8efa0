package reprolab.worker;

import reprolab.events.EventCodec;
import reprolab.events.WorkerEvent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes events, one JSON line each, to the process's real stdout and flushes at once so the
 * launcher sees them as they happen. {@link #claimStdout()} moves {@code System.out} to stderr so no
 * library's chatter can be mistaken for an event.
 */
public final class EventWriter {

    private final PrintStream out;

    EventWriter(PrintStream out) {
        this.out = out;
    }

    /** Takes the process's stdout for events and sends everything else printed via System.out to stderr. */
    public static EventWriter claimStdout() {
        PrintStream events = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return new EventWriter(events);
    }

    public synchronized void write(WorkerEvent event) {
        out.print(EventCodec.encode(event));
        out.print('\n');
        out.flush();
        if (out.checkError()) {
            // The launcher is gone (cancel or app closed): nobody will read us, so stop training now.
            Runtime.getRuntime().halt(3);
        }
    }
}
