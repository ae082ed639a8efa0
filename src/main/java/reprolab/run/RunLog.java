package reprolab.run;

import reprolab.events.EventCodec;
import reprolab.events.WorkerEvent;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The event log of one run, {@code runs/<id>.jsonl}: one JSON line per event, appended in a single
 * write each, so the operating system has every line as soon as {@link #append} returns and a
 * {@code kill -9} of the app loses nothing written. {@link #close} forces the file to disk, which
 * makes a finished run survive a power cut as well. At worst a power cut mid-run leaves a cut-off
 * last line, which {@link ExperimentFolder#loadRuns()} reports and skips.
 */
public final class RunLog implements Closeable {

    private final Path file;
    private final FileChannel channel;

    RunLog(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        AtomicFiles.syncDirectory(file.getParent());
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Appends one event as one line; when this returns the line is in the file. */
    public synchronized void append(WorkerEvent event) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((EventCodec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
    }

    /** Forces what was appended to the disk, then closes the file. */
    @Override
    public synchronized void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.force(true);
        } finally {
            channel.close();
        }
    }
}
