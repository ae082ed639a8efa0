package reprolab.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import reprolab.experiment.Json;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The layout of a run's parameter snapshot file {@code runs/<id>.params}, which the worker writes when
 * {@code runs.snapshotEvery} is above 0 and analysis reads to measure exact distances between runs.
 *
 * <p>Why raw snapshots and not a random-projection sketch in each iteration event: a
 * Johnson–Lindenstrauss sketch with k numbers per layer estimates a distance with a relative error of
 * about sqrt(2/k) (k = 256: ~9%), costs k passes over every parameter per iteration (seed-cnn: 2.4 M
 * x 256 multiply-adds, more than an update), and would make every iteration line larger. "When does
 * a 1e-8 difference become as large as a new seed" compares two distances that may differ by less
 * than that error; a copy of the parameter bytes every K updates gives them exactly, costs one write
 * of memory already laid out flat, and leaves the event format unchanged.
 *
 * <p>File layout: the 8 magic bytes {@value #MAGIC}, a 4-byte big-endian length, this header as UTF-8
 * JSON; then one record per snapshot: a 4-byte big-endian iteration number followed by every parameter,
 * layer after layer in forward order, as raw {@code dataType} values in {@code byteOrder} (exactly the
 * bytes the model held, so a float run's snapshot is bitwise its parameters). A record cut off at the
 * end (the worker was killed while writing) is ignored by readers.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param dataType      {@code float} or {@code double}
 * @param byteOrder     {@code little-endian} or {@code big-endian}
 * @param layers        the parameter layers in forward order with their parameter counts
 */
public record SnapshotHeader(int schemaVersion, String dataType, String byteOrder, List<Layer> layers) {

    /** The first bytes of every snapshot file. */
    public static final String MAGIC = "RLPARAMS";
    /** The only version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;
    /** The snapshot file of run {@code <id>} is {@code runs/<id>.params}. */
    public static final String FILE_SUFFIX = ".params";
    /** A header is a few hundred bytes; anything larger is not ours. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    public SnapshotHeader {
        layers = List.copyOf(layers);
    }

    /**
     * One parameter layer.
     *
     * @param name  layer name, e.g. {@code dense_0}
     * @param count number of parameters
     */
    public record Layer(String name, long count) {
    }

    /** A header for values of this width (4: float, 8: double) in the machine's byte order. */
    public static SnapshotHeader of(int width, List<Layer> layers) {
        return new SnapshotHeader(SCHEMA_VERSION, width == 8 ? "double" : "float",
                ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian", layers);
    }

    /** Bytes per value. */
    public int width() {
        return "double".equals(dataType) ? 8 : 4;
    }

    /** The byte order of the values. */
    public ByteOrder order() {
        return "big-endian".equals(byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** Parameters in all layers. */
    public long parameterCount() {
        return layers.stream().mapToLong(Layer::count).sum();
    }

    /** Bytes of one record: the iteration number and every parameter. */
    public long recordBytes() {
        return 4 + parameterCount() * width();
    }

    /** The header as it is stored (UTF-8 JSON). */
    public byte[] encode() {
        try {
            return Json.mapper().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SnapshotHeader always serialises", e);
        }
    }

    /**
     * Reads a stored header and checks it.
     *
     * @throws EventFormatException when it is not JSON of this shape, has another schemaVersion, or
     *                              names an unknown data type, byte order or an empty layer
     */
    public static SnapshotHeader decode(byte[] json) throws EventFormatException {
        SnapshotHeader header;
        try {
            header = Json.mapper().readValue(json, SnapshotHeader.class);
        } catch (java.io.IOException e) {
            throw new EventFormatException("snapshot header is not readable: " + e.getMessage());
        }
        if (header.schemaVersion() != SCHEMA_VERSION) {
            throw new EventFormatException("snapshot schemaVersion " + header.schemaVersion()
                    + " is not supported; this version reads " + SCHEMA_VERSION);
        }
        if (!List.of("float", "double").contains(header.dataType())
                || !List.of("little-endian", "big-endian").contains(header.byteOrder())
                || header.layers() == null || header.layers().isEmpty()
                || header.layers().stream().anyMatch(l -> l.name() == null || l.count() <= 0)) {
            throw new EventFormatException("snapshot header has an unknown data type, byte order or an empty layer");
        }
        return header;
    }
}
