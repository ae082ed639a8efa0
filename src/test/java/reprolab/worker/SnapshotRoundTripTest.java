package reprolab.worker;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.analysis.ParameterSeries;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ModelName;
import reprolab.experiment.ModelSpec;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.ablation.SnapshotFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the worker's {@link SnapshotWriter} writes is what {@link SnapshotFiles} reads back, bit for bit. */
class SnapshotRoundTripTest {

    @TempDir
    Path dir;

    private static MultiLayerNetwork tiny(DataTypeName type) {
        ModelSpec model = ExperimentSpec.defaults().model().withEpochs(1);
        model = new ModelSpec(ModelName.TINY, 1, 50, 1e-3, model.initializer(), model.earlyStopping());
        return ModelFactory.create(model, type, 42, 7, 28, 28, 10);
    }

    @Test
    void floatSnapshotsReadBackBitwiseAtTheIterationsTheyWereTaken() throws IOException {
        MultiLayerNetwork net = tiny(DataTypeName.FLOAT);
        Path file = dir.resolve("run-01.params");
        double[] at0;
        double[] at2;
        double[] at3;
        try (SnapshotWriter writer = SnapshotWriter.open(net, 2, file)) {
            writer.atIteration(0);
            at0 = net.params().toDoubleVector();
            net.params().addi(0.25);
            writer.atIteration(1); // not a multiple of 2: nothing written
            writer.atIteration(2);
            at2 = net.params().toDoubleVector();
            writer.atEnd(2); // already written
            net.params().muli(-1);
            writer.atEnd(3);
            at3 = net.params().toDoubleVector();
        }
        ParameterSeries series = SnapshotFiles.open("run-01", file);
        assertEquals(List.of("conv_0", "dense_0", "output"), series.layers());
        assertEquals(List.of(0, 2, 3), series.iterations());
        assertArrayEquals(at0, flat(series.at(0)));
        assertArrayEquals(at2, flat(series.at(2)));
        assertArrayEquals(at3, flat(series.at(3)));
        assertEquals(net.getLayer("dense_0").numParams(), series.at(0)[1].length);
        assertThrows(IllegalArgumentException.class, () -> series.at(1));
    }

    @Test
    void doubleRunsKeepTheirDoublePrecision() throws IOException {
        MultiLayerNetwork net = tiny(DataTypeName.DOUBLE);
        net.params().addi(1e-12); // below float precision: lost if the file held floats
        Path file = dir.resolve("run-02.params");
        try (SnapshotWriter writer = SnapshotWriter.open(net, 5, file)) {
            writer.atIteration(0);
        }
        assertArrayEquals(net.params().toDoubleVector(), flat(SnapshotFiles.open("run-02", file).at(0)));
    }

    @Test
    void aSnapshotCutOffByAKilledWorkerIsIgnoredAndTheOthersStillRead() throws IOException {
        MultiLayerNetwork net = tiny(DataTypeName.FLOAT);
        Path file = dir.resolve("run-03.params");
        try (SnapshotWriter writer = SnapshotWriter.open(net, 1, file)) {
            writer.atIteration(0);
            writer.atIteration(1);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        assertEquals(List.of(0), SnapshotFiles.open("run-03", file).iterations());
    }

    @Test
    void aFileThatIsNotASnapshotIsRefusedByName() throws IOException {
        Path file = dir.resolve("run-04.params");
        Files.writeString(file, "{\"type\":\"started\"} and more text than a header");
        IOException e = assertThrows(IOException.class, () -> SnapshotFiles.open("run-04", file));
        assertEquals("run-04.params is not a ReproLab parameter snapshot file", e.getMessage());
    }

    @Test
    void aRunWithoutSnapshotsAsOlderRunsAreHasNone() throws IOException {
        ExperimentFolder folder = new ExperimentStore(dir).create(ExperimentSpec.defaults());
        assertTrue(SnapshotFiles.load(folder, "run-01").isEmpty());
    }

    private static double[] flat(double[][] layers) {
        return Arrays.stream(layers).flatMapToDouble(Arrays::stream).toArray();
    }
}
