package reprolab.data;

/**
 * The checked dimensions of an IDX3 images file.
 *
 * @param count images in the file
 * @param rows  pixel rows per image
 * @param cols  pixel columns per image
 */
public record ImageShape(int count, int rows, int cols) {

    /** Total pixels; at most {@link IdxReader#MAX_PIXELS}, so it fits in one float array. */
    long pixels() {
        return (long) count * rows * cols;
    }

    /** For messages, e.g. "10000 images of 28x28 pixels". */
    public String describe() {
        return count + " images of " + rows + "x" + cols + " pixels";
    }

    /** Checks header sizes {count, rows, cols} (unsigned) against the reader's limits. */
    static ImageShape check(long[] sizes, String name) throws DataException {
        long count = sizes[0];
        long rows = sizes[1];
        long cols = sizes[2];
        if (count < 1 || count > IdxReader.MAX_COUNT) {
            throw new DataException(name + " declares " + count + " images; the count must be 1.."
                    + IdxReader.MAX_COUNT + ".");
        }
        checkSide("rows", rows, name);
        checkSide("columns", cols, name);
        long pixels = count * rows * cols;
        if (pixels > IdxReader.MAX_PIXELS) {
            throw new DataException(name + " declares " + count + " images of " + rows + "x" + cols
                    + " pixels, " + pixels + " pixels in total; at most " + IdxReader.MAX_PIXELS
                    + " are supported.");
        }
        return new ImageShape((int) count, (int) rows, (int) cols);
    }

    private static void checkSide(String what, long value, String name) throws DataException {
        if (value < 1 || value > IdxReader.MAX_SIDE) {
            throw new DataException(name + " declares " + value + " " + what + " per image; it must be 1.."
                    + IdxReader.MAX_SIDE + ".");
        }
    }
}
