package reprolab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a valid gzip file of a given prefix followed by many MiB of zeros, in about 1 KB per MiB,
 * without compressing the zeros more than once: one fully flushed deflate chunk of 1 MiB of zeros
 * is independent of what precedes it, so it can be repeated.
 */
final class GzipBomb {

    private static final int MIB = 1 << 20;

    private GzipBomb() {
    }

    /** Writes prefix + mebibytes MiB of zeros as gzip; if garbageAfter, the stream is broken after 2 MiB. */
    static void write(Path file, byte[] prefix, int mebibytes, boolean garbageAfter) throws IOException {
        byte[] zeroChunk = deflate(new byte[MIB], false);
        CRC32 crc = new CRC32();
        crc.update(prefix);
        byte[] zeros = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            out.write(deflate(prefix, false));
            for (int i = 0; i < mebibytes; i++) {
                if (garbageAfter && i == 2) {
                    out.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                    return;
                }
                out.write(zeroChunk);
                crc.update(zeros);
            }
            out.write(deflate(new byte[0], true));
            long size = prefix.length + (long) mebibytes * MIB;
            out.write(littleEndian((int) crc.getValue()));
            out.write(littleEndian((int) size));
        }
    }

    private static byte[] deflate(byte[] data, boolean finish) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        if (finish) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, finish ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || (finish && !deflater.finished()));
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
