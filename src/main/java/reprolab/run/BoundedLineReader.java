package reprolab.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines without ever holding more than {@code maxBytes} of one line in memory: a
 * worker gone wrong may print a gigabyte without a newline, and a log file may be damaged.
 */
final class BoundedLineReader {

    /**
     * One line.
     *
     * @param text       the line without its end, or the first {@code maxBytes} of it when overlong
     * @param bytes      the line's full length in bytes
     * @param overlong   the line was longer than the limit; {@code text} is cut
     * @param terminated the line ended with a newline (false for a last line cut off by a crash)
     */
    record Line(String text, long bytes, boolean overlong, boolean terminated) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long total = 0;
        while (true) {
            if (position == limit && !fill()) {
                return total == 0 ? null : line(kept, total, false);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            int room = (int) Math.max(0, Math.min(length, maxBytes - (long) kept.size()));
            kept.write(buffer, start, room);
            total += length;
            if (position < limit) {
                position++; // the newline
                return line(kept, total, true);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private Line line(ByteArrayOutputStream kept, long total, boolean terminated) {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1); // a worker on Windows ends lines with CRLF
        }
        return new Line(text, total, total > maxBytes, terminated);
    }
}
