package reprolab.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file being read as a stream, raw or gzip (told apart by the 1f8b magic, never by the name).
 * Reads only as many bytes as the header declares, plus one to detect trailing data, so a gzip bomb
 * is never inflated beyond that, and memory grows only with data that is really there.
 */
final class IdxFile implements Closeable {

    /** The two kinds of IDX file MNIST-style data sets use. */
    enum Kind {
        IMAGES("images", 3, "IDX3 images"), LABELS("labels", 1, "IDX1 labels");

        final String noun;
        final int dimensions;
        final String description;

        Kind(String noun, int dimensions, String description) {
            this.noun = noun;
            this.dimensions = dimensions;
            this.description = description;
        }

        int magic() {
            return 0x0800 | dimensions;
        }
    }

    private static final int CHUNK = 1 << 20;
    private static final int GZIP_MAGIC = 0x1f8b;

    private final Path path;
    private final Kind kind;
    private final long fileSize;
    private final boolean gzip;
    private final InputStream in;
    private int headerBytes;

    private IdxFile(Path path, Kind kind, long fileSize, boolean gzip, InputStream in) {
        this.path = path;
        this.kind = kind;
        this.fileSize = fileSize;
        this.gzip = gzip;
        this.in = in;
    }

    /** Opens the file, checking that it exists, is not empty, and (if gzip) has a valid gzip header. */
    static IdxFile open(Path path, Kind kind) throws DataException {
        String name = kind.noun + " file " + path;
        if (Files.isDirectory(path)) {
            throw new DataException(name + " is a folder, not a file.");
        }
        if (!Files.exists(path)) {
            throw new DataException(name + " does not exist.");
        }
        if (!Files.isRegularFile(path)) {
            throw new DataException(name + " is not a regular file (a device, pipe or socket); choose the IDX file itself.");
        }
        InputStream raw = null;
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw new DataException(name + " is empty (0 bytes).");
            }
            raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            boolean gzip = ((first << 8) | second) == GZIP_MAGIC;
            InputStream in = gzip ? openGzip(raw, name) : raw;
            return new IdxFile(path, kind, size, gzip, in);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new DataException(name + " could not be read: " + reason(e) + ".", e);
        } catch (DataException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static InputStream openGzip(InputStream raw, String name) throws DataException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            throw new DataException(name + " starts like a gzip file (1f 8b) but is not a valid gzip file ("
                    + reason(e) + ").", e);
        }
    }

    /**
     * Reads and checks the magic number and the dimension sizes (unsigned, so a size of 0xFFFFFFFF
     * is 4294967295, not -1).
     */
    long[] readHeader() throws DataException {
        byte[] magicBytes = readUpTo(4);
        if (magicBytes.length == 0) {
            throw new DataException(name() + " is empty after gzip decompression.");
        }
        if (magicBytes.length < 4) {
            throw tooShortForHeader(magicBytes.length);
        }
        int magic = bigEndian(magicBytes, 0);
        IdxMagic.check(magic, kind, name());
        byte[] dims = readUpTo(4 * kind.dimensions);
        if (dims.length < 4 * kind.dimensions) {
            throw tooShortForHeader(4 + dims.length);
        }
        headerBytes = 4 + dims.length;
        long[] sizes = new long[kind.dimensions];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Integer.toUnsignedLong(bigEndian(dims, 4 * i));
        }
        return sizes;
    }

    private DataException tooShortForHeader(int have) {
        int need = 4 + 4 * kind.dimensions;
        return new DataException(name() + " is too short for an " + kind.description + " header: it "
                + (gzip ? "decompresses to " : "has ") + have + " bytes, the header alone needs " + need + ".");
    }

    /**
     * Reads exactly {@code length} body bytes (the size the header declared, described by
     * {@code declared} for messages) and checks that nothing follows them.
     */
    List<byte[]> readBody(long length, String declared) throws DataException {
        long expectedSize = headerBytes + length;
        if (!gzip && fileSize != expectedSize) {
            throw sizeMismatch(declared, expectedSize, fileSize);
        }
        List<byte[]> chunks = new ArrayList<>();
        long remaining = length;
        while (remaining > 0) {
            byte[] chunk = readUpTo((int) Math.min(CHUNK, remaining));
            if (chunk.length == 0) {
                break;
            }
            chunks.add(chunk);
            remaining -= chunk.length;
        }
        if (remaining > 0) {
            throw sizeMismatch(declared, expectedSize, expectedSize - remaining);
        }
        if (readOneMore()) {
            throw new DataException(name() + (gzip ? " decompresses to" : " has") + " more than the " + expectedSize
                    + " bytes its header declares (" + declared + "): it has trailing data"
                    + " (reading stopped there, so a gzip bomb cannot fill memory).");
        }
        return chunks;
    }

    private DataException sizeMismatch(String declared, long expected, long actual) {
        String verb = gzip ? "decompresses to" : "has";
        if (actual < expected) {
            return new DataException(name() + " is truncated: its header declares " + declared + " ("
                    + expected + " bytes with the header) but it " + verb + " only " + actual + " bytes.");
        }
        return new DataException(name() + " is oversized: its header declares " + declared + " ("
                + expected + " bytes with the header) but it " + verb + " " + actual
                + " bytes; the rest is trailing data or the header's count is wrong.");
    }

    String name() {
        return kind.noun + " file " + path;
    }

    Path path() {
        return path;
    }

    private boolean readOneMore() throws DataException {
        return readUpTo(1).length == 1;
    }

    /** Reads up to n bytes, fewer only at the end of the data; I/O and gzip errors become messages. */
    private byte[] readUpTo(int n) throws DataException {
        try {
            return in.readNBytes(n);
        } catch (EOFException e) {
            throw new DataException(name() + " is cut short: its gzip data ends early ("
                    + reason(e) + ").", e);
        } catch (ZipException e) {
            throw new DataException(name() + " has corrupt gzip data (" + reason(e) + ").", e);
        } catch (IOException e) {
            throw new DataException(name() + " could not be read: " + reason(e) + ".", e);
        }
    }

    /** The JDK's own words where it has some (some of its exceptions carry no message). */
    private static String reason(IOException e) {
        if (e instanceof EOFException && e.getMessage() == null) {
            return "the file ends inside the gzip header";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static int bigEndian(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing left to do with a stream we are abandoning
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(in);
    }
}
