package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The Java Adam step against libnd4j's own {@code adam_updater} op, bit for bit: each test runs
 * both on the same state and gradients, step after step, through DL4J's updater objects (state
 * view of m then v, as a network's updater block lays them out).
 */
class ChunkedAdamTest {

    @BeforeAll
    static void loadShippedNativeBuild() {
        NativeBuild.select();
    }

    @Test
    void sameBitsAsTheNativeOpOverManySteps() {
        // Not a multiple of the chunk, so the last chunk is partial; gradients span many magnitudes.
        int length = 3 * ChunkedAdamUpdater.CHUNK + 123;
        compare(length, 1e-3, 400, 7);
    }

    @Test
    void sameBitsAtAnotherLearningRateAndLateIterations() {
        compare(1000, 0.05, 50, 11);
    }

    @Test
    void stepSizeMatchesTheNativeFormulaAtEveryIterationOfALongRun() {
        // One-parameter arrays make the step size visible: update = m * stepSize / (sqrt(v) + eps).
        Random random = new Random(3);
        Adam nativeConfig = new Adam(1e-3);
        ChunkedAdam javaConfig = new ChunkedAdam(1e-3);
        GradientUpdater<?> nativeUpdater = nativeConfig.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2), true);
        GradientUpdater<?> javaUpdater = javaConfig.instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2), true);
        for (int iteration = 0; iteration < 20_000; iteration++) {
            float g = (float) random.nextGaussian();
            INDArray a = Nd4j.createFromArray(new float[][] {{g}});
            INDArray b = a.dup();
            nativeUpdater.applyUpdater(a, iteration, 0);
            javaUpdater.applyUpdater(b, iteration, 0);
            assertEquals(Float.floatToRawIntBits(a.getFloat(0)), Float.floatToRawIntBits(b.getFloat(0)),
                    "iteration " + iteration);
        }
    }

    @Test
    void clonesStayChunkedAndStridedArraysFallBackToTheNativeOp() {
        ChunkedAdam config = new ChunkedAdam(1e-3);
        assertInstanceOf(ChunkedAdam.class, config.clone());
        assertEquals(config, config.clone());
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray column = matrix.getColumn(1);
        assertNotEquals(1, column.elementWiseStride());
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 8);
        GradientUpdater<?> updater = config.instantiate(state, true);
        assertEquals(false, PlainFloats.plain(column, ((AdamUpdater) updater).getM(), ((AdamUpdater) updater).getV()));
        INDArray viaNative = column.dup();
        new Adam(1e-3).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 8), true).applyUpdater(viaNative.reshape(1, 4), 0, 0);
        updater.applyUpdater(column, 0, 0);
        assertArrayEquals(viaNative.toFloatVector(), column.toFloatVector());
    }

    private static void compare(int length, double learningRate, int steps, long seed) {
        assertInstanceOf(ChunkedAdamUpdater.class,
                new ChunkedAdam(learningRate).instantiate(Nd4j.zeros(DataType.FLOAT, 1, 2L * length), true));
        int[] iterations = IntStream.range(0, steps).toArray();
        assertEquals(Optional.empty(), KernelSelfCheck.adamDifference(new Adam(learningRate), new ChunkedAdam(learningRate),
                length, iterations, seed));
    }
}
