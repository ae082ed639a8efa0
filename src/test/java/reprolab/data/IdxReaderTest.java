package reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void pixelsBecomeTheirByteValueDividedBy255() throws Exception {
        byte[] images = IdxBytes.concat(IdxBytes.header(IdxBytes.IMAGES_MAGIC, 1, 1, 3),
                new byte[] {0, (byte) 255, (byte) 128});
        Examples examples = IdxReader.read(write("i", images), write("l", IdxBytes.labels(1)));
        assertArrayEquals(new float[] {0f, 1f, 128 / 255f}, examples.features());
        assertEquals(1, examples.rows());
        assertEquals(3, examples.cols());
        assertEquals(10, examples.classes());
    }

    @Test
    void labelsAndImageShapeComeFromTheFiles() throws Exception {
        Examples examples = IdxReader.read(write("i", IdxBytes.images(12, 5, 7)), write("l", IdxBytes.labels(12)));
        assertEquals(12, examples.count());
        assertEquals(5, examples.rows());
        assertEquals(7, examples.cols());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, examples.labels());
        assertEquals((11 * 31 + 34 * 7) % 256 / 255f, examples.features()[11 * 35 + 34]);
    }

    @Test
    void gzipIsDetectedByItsMagicNotByTheFileName() throws Exception {
        byte[] images = IdxBytes.images(3, 4, 4);
        byte[] labels = IdxBytes.labels(3);
        Examples raw = IdxReader.read(write("a.idx3", images), write("b.idx1", labels));
        Examples gzipNamedRaw = IdxReader.read(write("c.idx3", IdxBytes.gzip(images)),
                write("d.idx1", IdxBytes.gzip(labels)));
        Examples rawNamedGzip = IdxReader.read(write("e.idx3.gz", images), write("f.idx1.gz", labels));
        assertEquals(raw, gzipNamedRaw);
        assertEquals(raw, rawNamedGzip);
    }

    @Test
    void dataLargerThanOneReadChunkIsReadCompletely() throws Exception {
        byte[] images = IdxBytes.images(2000, 28, 28);
        Examples examples = IdxReader.read(write("i.gz", IdxBytes.gzip(images)), write("l", IdxBytes.labels(2000)));
        assertEquals(2000 * 784, examples.features().length);
        for (int p = 0; p < examples.features().length; p += 997) {
            assertEquals((images[16 + p] & 0xff) / 255f, examples.features()[p]);
        }
    }

    @Test
    void aMissingFileIsNamedInTheMessage() throws Exception {
        Path labels = write("l", IdxBytes.labels(1));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("nope.idx3"), labels));
        assertEquals("images file " + dir.resolve("nope.idx3") + " does not exist.", e.getMessage());
    }

    @Test
    void aDeviceIsNotAnImagesFile() throws Exception {
        Path labels = write("l", IdxBytes.labels(1));
        Path device = Path.of("/dev/zero");
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(device, labels));
        assertEquals("images file /dev/zero is not a regular file (a device, pipe or socket); choose the IDX file itself.",
                e.getMessage());
    }

    @Test
    void aFolderIsNotAnImagesFile() throws Exception {
        Path labels = write("l", IdxBytes.labels(1));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(dir, labels));
        assertTrue(e.getMessage().endsWith("is a folder, not a file."), e.getMessage());
    }

    @Test
    void aGzipBombOfOverOneGigabyteIsRejectedWithoutInflatingIt() throws Exception {
        Path bomb = dir.resolve("bomb.idx3.gz");
        GzipBomb.write(bomb, IdxBytes.images(10, 28, 28), 1100, false);
        assertTrue(Files.size(bomb) < 2 << 20, "the bomb file is " + Files.size(bomb) + " bytes");
        assertEquals(1100L * (1 << 20) + 7856, inflatedSizeInTrailer(bomb));
        Path labels = write("l", IdxBytes.labels(10));
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(DataException.class, () -> IdxReader.read(bomb, labels)));
        assertTrue(e.getMessage().contains("decompresses to more than the 7856 bytes its header declares"),
                e.getMessage());
    }

    @Test
    void theBombBuilderWritesAValidGzipOfTheSizeItClaims() throws Exception {
        Path small = dir.resolve("small-bomb.gz");
        GzipBomb.write(small, IdxBytes.images(10, 28, 28), 3, false);
        assertEquals(3L * (1 << 20) + 7856, inflateAll(small));
    }

    @Test
    void readingStopsRightAfterTheDeclaredSizeSoLaterGzipDataIsNeverInflated() throws Exception {
        // Broken deflate data 2 MiB after the declared images: inflating that far would report it.
        Path bomb = dir.resolve("broken-bomb.idx3.gz");
        GzipBomb.write(bomb, IdxBytes.images(10, 28, 28), 1100, true);
        assertThrows(IOException.class, () -> inflateAll(bomb));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(bomb, write("l", IdxBytes.labels(10))));
        assertTrue(e.getMessage().contains("trailing data"), e.getMessage());
    }

    @Test
    void aDeclaredSizeBeyondTheHeapIsRejectedBeforeAnythingIsAllocated() throws Exception {
        long needed = 1000L * 1024 * 1024 * 5;
        assumeTrue(Runtime.getRuntime().maxMemory() < needed, "heap too large for this check");
        Path images = write("huge.idx3.gz", IdxBytes.gzip(IdxBytes.header(IdxBytes.IMAGES_MAGIC, 1000, 1024, 1024)));
        Path labels = write("l.idx1.gz", IdxBytes.gzip(IdxBytes.header(IdxBytes.LABELS_MAGIC, 1000)));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(images, labels));
        assertTrue(e.getMessage().contains("declares 1000 images of 1024x1024 pixels, which needs about 5000 MiB"),
                e.getMessage());
        assertTrue(e.getMessage().contains("more than this JVM's maximum heap"), e.getMessage());
    }

    @Test
    void countsThatDisagreeAreRejectedBeforeTheImagesAreRead() throws Exception {
        Path images = write("i", IdxBytes.header(IdxBytes.IMAGES_MAGIC, 5, 2, 2));
        Path labels = write("l", IdxBytes.labels(4));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(images, labels));
        assertEquals("images file " + images + " holds 5 images but labels file " + labels
                + " holds 4 labels; they must be the same.", e.getMessage());
    }

    private static long inflatedSizeInTrailer(Path gzip) throws IOException {
        byte[] bytes = Files.readAllBytes(gzip);
        int n = bytes.length;
        return (bytes[n - 4] & 0xffL) | (bytes[n - 3] & 0xffL) << 8 | (bytes[n - 2] & 0xffL) << 16
                | (bytes[n - 1] & 0xffL) << 24;
    }

    /** Inflates the whole file (GZIPInputStream checks its CRC and size) and returns the size. */
    private static long inflateAll(Path gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
