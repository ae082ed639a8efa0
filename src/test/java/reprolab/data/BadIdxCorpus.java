package reprolab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bad-input corpus of {@code src/test/resources/bad/idx/}. The files are committed; run
 * this only to regenerate them after changing it:
 * {@code java -cp target/test-classes reprolab.data.BadIdxCorpus src/test/resources/bad/idx}.
 * Good files hold 10 images of 8x8 pixels and 10 labels, so every file stays small.
 */
final class BadIdxCorpus {

    static final int COUNT = 10;
    static final int SIDE = 8;

    private BadIdxCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
    }

    static Map<String, byte[]> files() throws IOException {
        byte[] images = IdxBytes.images(COUNT, SIDE, SIDE);
        byte[] labels = IdxBytes.labels(COUNT);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("good-images.idx3", images);
        files.put("good-labels.idx1", labels);
        files.put("good-images-gzip-without-gz-name.idx3", IdxBytes.gzip(images));
        files.put("good-labels-raw-with-gz-name.idx1.gz", labels);
        badImageHeaders(files);
        badImageSizes(files, images);
        badGzip(files, images);
        badLabels(files, labels);
        return files;
    }

    private static void badImageHeaders(Map<String, byte[]> files) {
        files.put("images-empty.idx3", new byte[0]);
        files.put("images-three-bytes.idx3", new byte[] {0, 0, 8});
        files.put("images-short-header.idx3", IdxBytes.header(IdxBytes.IMAGES_MAGIC, COUNT));
        files.put("images-labels-magic.idx3", IdxBytes.labels(COUNT));
        files.put("images-html.idx3", "<!DOCTYPE html><html><body>Not found</body></html>\n"
                .getBytes(StandardCharsets.US_ASCII));
        files.put("images-float-type.idx3", IdxBytes.header(0x00000D03, COUNT, SIDE, SIDE));
        files.put("images-two-dims.idx3", IdxBytes.header(0x00000802, COUNT, SIDE));
        files.put("images-zero-count.idx3", IdxBytes.header(IdxBytes.IMAGES_MAGIC, 0, SIDE, SIDE));
        files.put("images-zero-rows.idx3", IdxBytes.header(IdxBytes.IMAGES_MAGIC, COUNT, 0, SIDE));
        files.put("images-huge-cols.idx3", IdxBytes.header(IdxBytes.IMAGES_MAGIC, COUNT, SIDE, 2000));
        files.put("images-absurd-count.idx3", IdxBytes.header(IdxBytes.IMAGES_MAGIC, 0xFFFFFFFFL, SIDE, SIDE));
        files.put("images-too-many-pixels.idx3",
                IdxBytes.header(IdxBytes.IMAGES_MAGIC, 10_000_000, 1024, 1024));
        files.put("images-garbage.bin", garbage(1024));
    }

    private static void badImageSizes(Map<String, byte[]> files, byte[] images) {
        files.put("images-truncated.idx3", IdxBytes.truncate(images, 316));
        files.put("images-oversized.idx3", IdxBytes.concat(images, new byte[100]));
        files.put("images-truncated.idx3.gz", IdxBytes.gzip(IdxBytes.truncate(images, 316)));
        files.put("images-oversized.idx3.gz", IdxBytes.gzip(IdxBytes.concat(images, new byte[100])));
    }

    private static void badGzip(Map<String, byte[]> files, byte[] images) throws IOException {
        byte[] gz = IdxBytes.gzip(images);
        files.put("images-cut.idx3.gz", IdxBytes.truncate(gz, gz.length / 2));
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 0x55;
        files.put("images-bad-crc.idx3.gz", badCrc);
        byte[] badMethod = gz.clone();
        badMethod[2] = 7;
        files.put("images-bad-gzip-header.idx3.gz", badMethod);
        files.put("images-gzip-magic-only.idx3.gz", new byte[] {0x1f, (byte) 0x8b});
        files.put("images-double-gzip.idx3.gz", IdxBytes.gzip(gz));
        files.put("images-bomb.idx3.gz", bomb(images, 4 << 20));
    }

    private static void badLabels(Map<String, byte[]> files, byte[] labels) {
        files.put("labels-images-magic.idx1", IdxBytes.images(COUNT, SIDE, SIDE));
        byte[] outOfRange = labels.clone();
        outOfRange[8 + 3] = 12;
        files.put("labels-out-of-range.idx1", outOfRange);
        files.put("labels-nine.idx1", IdxBytes.labels(9));
        files.put("labels-truncated.idx1", IdxBytes.truncate(labels, 8 + 6));
        files.put("labels-oversized.idx1", IdxBytes.concat(labels, new byte[] {1, 2, 3}));
        files.put("labels-zero-count.idx1", IdxBytes.header(IdxBytes.LABELS_MAGIC, 0));
        files.put("labels-empty.idx1.gz", IdxBytes.gzip(new byte[0]));
    }

    /** Random bytes that start like neither IDX (00 00) nor gzip (1f 8b). */
    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(8).nextBytes(bytes);
        bytes[0] = 0x42;
        return bytes;
    }

    /** A valid file followed by {@code zeros} zero bytes, gzip'd: a few KB that inflate to MBs. */
    private static byte[] bomb(byte[] valid, int zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gz.write(valid);
            byte[] block = new byte[1 << 16];
            for (int written = 0; written < zeros; written += block.length) {
                gz.write(block);
            }
        }
        return out.toByteArray();
    }
}
