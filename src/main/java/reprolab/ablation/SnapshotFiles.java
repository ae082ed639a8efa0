package reprolab.ablation;

import reprolab.analysis.ParameterSeries;
import reprolab.run.ExperimentFolder;
import reprolab.events.EventFormatException;
import reprolab.events.SnapshotHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parameter snapshots a worker wrote to {@code runs/<id>.params} (layout:
 * {@link SnapshotHeader}). Opening reads the header and the iteration numbers only; {@link
 * ParameterSeries#at} reads one snapshot from disk when asked, so analysing many seed-CNN runs does
 * not hold all their snapshots in memory. A record cut off at the end is ignored.
 */
public final class SnapshotFiles {

    private SnapshotFiles() {
    }

    /**
     * The snapshots of a run of this folder, or empty when the run wrote none (older runs,
     * {@code runs.snapshotEvery} 0).
     *
     * @throws IOException when the file exists but is not a readable snapshot file
     */
    public static Optional<ParameterSeries> load(ExperimentFolder folder, String runId) throws IOException {
        Path file = folder.snapshotFile(runId);
        return Files.isRegularFile(file) ? Optional.of(open(runId, file)) : Optional.empty();
    }

    /**
     * Opens a snapshot file.
     *
     * @throws IOException when it is not one (wrong magic, bad header) or cannot be read
     */
    public static ParameterSeries open(String runId, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = read(channel, 0, SnapshotHeader.MAGIC.length() + 4, file);
            byte[] magic = new byte[SnapshotHeader.MAGIC.length()];
            start.get(magic);
            int length = start.getInt();
            if (!SnapshotHeader.MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))
                    || length <= 0 || length > SnapshotHeader.MAX_HEADER_BYTES) {
                throw new IOException(file.getFileName() + " is not a ReproLab parameter snapshot file");
            }
            long first = SnapshotHeader.MAGIC.length() + 4L + length;
            SnapshotHeader header = decode(read(channel, SnapshotHeader.MAGIC.length() + 4L, length, file), file);
            long records = (channel.size() - first) / header.recordBytes();
            Map<Integer, Long> offsets = new LinkedHashMap<>();
            for (long r = 0; r < records; r++) {
                long offset = first + r * header.recordBytes();
                offsets.put(read(channel, offset, 4, file).getInt(), offset);
            }
            return new FileSeries(runId, file, header, offsets);
        }
    }

    private static SnapshotHeader decode(ByteBuffer json, Path file) throws IOException {
        try {
            return SnapshotHeader.decode(json.array());
        } catch (EventFormatException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(file.getFileName() + " ends early (" + channel.size() + " bytes)");
            }
        }
        return buffer.flip();
    }

    /** Snapshots read from their file one at a time. */
    private record FileSeries(String runId, Path file, SnapshotHeader header, Map<Integer, Long> offsets)
            implements ParameterSeries {

        @Override
        public List<String> layers() {
            return header.layers().stream().map(SnapshotHeader.Layer::name).toList();
        }

        @Override
        public List<Integer> iterations() {
            return offsets.keySet().stream().sorted().toList();
        }

        @Override
        public double[][] at(int iteration) {
            Long offset = offsets.get(iteration);
            if (offset == null) {
                throw new IllegalArgumentException("run " + runId + " has no snapshot of iteration " + iteration);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer values = read(channel, offset + 4, (int) (header.recordBytes() - 4), file).order(header.order());
                return split(values);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the snapshot of iteration " + iteration + " of run " + runId, e);
            }
        }

        private double[][] split(ByteBuffer values) {
            double[][] layers = new double[header.layers().size()][];
            boolean isDouble = header.width() == 8;
            for (int l = 0; l < layers.length; l++) {
                double[] layer = new double[(int) header.layers().get(l).count()];
                for (int i = 0; i < layer.length; i++) {
                    layer[i] = isDouble ? values.getDouble() : values.getFloat();
                }
                layers[l] = layer;
            }
            return layers;
        }
    }

    /** Every run of a folder that has snapshots, by run id. */
    public static Map<String, ParameterSeries> loadAll(ExperimentFolder folder, List<String> runIds) throws IOException {
        Map<String, ParameterSeries> result = new LinkedHashMap<>();
        for (String id : new ArrayList<>(runIds)) {
            Optional<ParameterSeries> series = load(folder, id);
            series.ifPresent(s -> result.put(id, s));
        }
        return result;
    }
}
