package reprolab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files as bytes for tests and for the bad-input corpus. */
final class IdxBytes {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxBytes() {
    }

    /** A header: the magic number then each size, big-endian 32-bit. */
    static byte[] header(int magic, long... sizes) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length);
        buffer.putInt(magic);
        for (long size : sizes) {
            buffer.putInt((int) size);
        }
        return buffer.array();
    }

    /** A valid images file whose pixel p of image i is (i * 31 + p * 7) mod 256. */
    static byte[] images(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                pixels[i * rows * cols + p] = (byte) (i * 31 + p * 7);
            }
        }
        return concat(header(IMAGES_MAGIC, count, rows, cols), pixels);
    }

    /** A valid labels file with label i = i mod 10. */
    static byte[] labels(int count) {
        byte[] values = new byte[count];
        for (int i = 0; i < count; i++) {
            values[i] = (byte) (i % 10);
        }
        return concat(header(LABELS_MAGIC, count), values);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] truncate(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }
}
