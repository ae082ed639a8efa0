package reprolab.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads an MNIST-style pair of IDX files: an IDX3 file of unsigned-byte images and an IDX1 file of
 * unsigned-byte labels in 0..9. Each may be raw or gzip, detected by the 1f8b magic, not by the name.
 *
 * <p>Files come from downloads and classmates, so nothing in them is trusted: sizes are checked
 * before anything is allocated, a gzip stream is never inflated past what the header declares (plus
 * one byte to detect trailing data), and every problem is a {@link DataException} naming the file.
 */
public final class IdxReader {

    /** MNIST and Fashion-MNIST have ten classes, and the label check uses that range. */
    public static final int CLASSES = 10;
    /** Largest number of images (and labels) accepted: 166 times full MNIST. */
    public static final long MAX_COUNT = 10_000_000L;
    /** Largest image side accepted, in pixels. */
    public static final long MAX_SIDE = 1024;
    /** Largest total number of pixels: the longest float array a JVM can allocate. */
    public static final long MAX_PIXELS = Integer.MAX_VALUE - 8L;
    /** Heap needed per pixel while reading: one byte as read plus the float it becomes. */
    static final long BYTES_PER_PIXEL_WHILE_READING = 5;

    private static final float[] NORMALISED = normalisedBytes();

    private IdxReader() {
    }

    /**
     * Reads images and labels; pixels (uint8) become {@code value / 255f}.
     *
     * @throws DataException naming the file and the problem: missing, empty, wrong magic number,
     *                       absurd dimensions, truncated, oversized, corrupt gzip, counts that
     *                       disagree, a label outside 0..9, or more data than the heap can hold
     */
    public static Examples read(Path images, Path labels) throws DataException {
        try (IdxFile imageFile = IdxFile.open(images, IdxFile.Kind.IMAGES);
             IdxFile labelFile = IdxFile.open(labels, IdxFile.Kind.LABELS)) {
            ImageShape shape = headers(imageFile, labelFile);
            long labelCount = shape.count();
            checkHeap(shape, imageFile.name());
            float[] features = pixels(imageFile.readBody(shape.pixels(), shape.describe()), shape.pixels());
            int[] labelValues = labels(labelFile.readBody(labelCount, labelCount + " labels"),
                    (int) labelCount, labelFile.name());
            return new Examples(shape.count(), shape.rows(), shape.cols(), CLASSES, features, labelValues);
        }
    }

    /**
     * Checks a pair as {@link #read} would before reading any pixel: both files exist, are regular
     * files, have valid IDX3 / IDX1 headers within the limits, and declare the same count. Reads a
     * few bytes of each, so a form can check a chosen pair at once.
     *
     * @return the images' shape, e.g. for "10000 images of 28x28 pixels"
     * @throws DataException naming the file at fault and the problem
     */
    public static ImageShape checkPair(Path images, Path labels) throws DataException {
        try (IdxFile imageFile = IdxFile.open(images, IdxFile.Kind.IMAGES);
             IdxFile labelFile = IdxFile.open(labels, IdxFile.Kind.LABELS)) {
            return headers(imageFile, labelFile);
        }
    }

    private static ImageShape headers(IdxFile imageFile, IdxFile labelFile) throws DataException {
        ImageShape shape = ImageShape.check(imageFile.readHeader(), imageFile.name());
        long labelCount = labelFile.readHeader()[0];
        checkLabelCount(labelCount, labelFile.name());
        if (labelCount != shape.count()) {
            throw new DataException(imageFile.name() + " holds " + shape.count() + " images but "
                    + labelFile.name() + " holds " + labelCount + " labels; they must be the same.");
        }
        return shape;
    }

    private static void checkLabelCount(long count, String name) throws DataException {
        if (count < 1 || count > MAX_COUNT) {
            throw new DataException(name + " declares " + count + " labels; the count must be 1.."
                    + MAX_COUNT + ".");
        }
    }

    private static void checkHeap(ImageShape shape, String name) throws DataException {
        long needed = shape.pixels() * BYTES_PER_PIXEL_WHILE_READING;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new DataException(name + " declares " + shape.describe() + ", which needs about "
                    + mebibytes(needed) + " MiB of memory to read, more than this JVM's maximum heap of "
                    + mebibytes(heap) + " MiB; use a smaller file or a larger -Xmx.");
        }
    }

    private static long mebibytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static float[] pixels(List<byte[]> chunks, long count) {
        float[] out = new float[(int) count];
        int at = 0;
        for (byte[] chunk : chunks) {
            for (byte b : chunk) {
                out[at++] = NORMALISED[b & 0xff];
            }
        }
        return out;
    }

    private static int[] labels(List<byte[]> chunks, int count, String name) throws DataException {
        int[] out = new int[count];
        int at = 0;
        for (byte[] chunk : chunks) {
            for (byte b : chunk) {
                int label = b & 0xff;
                if (label >= CLASSES) {
                    throw new DataException(name + ": label " + label + " at index " + at
                            + " is outside 0.." + (CLASSES - 1) + ".");
                }
                out[at++] = label;
            }
        }
        return out;
    }

    private static float[] normalisedBytes() {
        float[] table = new float[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = i / 255f;
        }
        return table;
    }
}
