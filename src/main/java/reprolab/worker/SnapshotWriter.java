package reprolab.worker;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import reprolab.events.SnapshotHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends raw parameter snapshots to {@code runs/<id>.params} (layout: {@link SnapshotHeader}): at
 * iteration 0, every {@code every} updates and after the last one. The bytes go from the network's
 * flat native parameter buffer straight to the file channel, without a copy into the Java heap, so a
 * snapshot of the tiny model (~22 k floats) costs a ~88 KB write (measured in docs/chaos.md). Each
 * record is written whole before the next update, so a killed worker leaves every earlier snapshot
 * readable.
 */
final class SnapshotWriter implements AutoCloseable {

    private final MultiLayerNetwork net;
    private final int every;
    private final FileChannel channel;
    private final long parameterBytes;
    private int lastWritten = -1;

    private SnapshotWriter(MultiLayerNetwork net, int every, FileChannel channel, long parameterBytes) {
        this.net = net;
        this.every = every;
        this.channel = channel;
        this.parameterBytes = parameterBytes;
    }

    /** Creates (or replaces) the file and writes its header. */
    static SnapshotWriter open(MultiLayerNetwork net, int every, Path file) throws IOException {
        List<SnapshotHeader.Layer> layers = new ArrayList<>();
        for (Layer layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                layers.add(new SnapshotHeader.Layer(layer.conf().getLayer().getLayerName(), layer.numParams()));
            }
        }
        SnapshotHeader header = SnapshotHeader.of(net.params().dataType().width(), layers);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        byte[] json = header.encode();
        ByteBuffer start = ByteBuffer.allocate(SnapshotHeader.MAGIC.length() + 4 + json.length);
        start.put(SnapshotHeader.MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(json.length).put(json);
        writeFully(channel, start.flip());
        return new SnapshotWriter(net, every, channel, header.parameterCount() * header.width());
    }

    /** Writes a snapshot when {@code iteration} is 0 or a multiple of the period. */
    void atIteration(int iteration) throws IOException {
        if (iteration % every == 0) {
            write(iteration);
        }
    }

    /** Writes the final model unless its snapshot is already there. */
    void atEnd(int iteration) throws IOException {
        if (iteration != lastWritten) {
            write(iteration);
        }
    }

    private void write(int iteration) throws IOException {
        INDArray params = net.params();
        ByteBuffer raw = params.data().asNio().duplicate();
        long base = params.offset() * params.dataType().width();
        raw.limit((int) (base + parameterBytes)).position((int) base);
        writeFully(channel, ByteBuffer.allocate(4).putInt(iteration).flip());
        writeFully(channel, raw);
        lastWritten = iteration;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
