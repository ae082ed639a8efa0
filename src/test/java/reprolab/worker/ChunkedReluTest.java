package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** The Java ReLU backward pass against DL4J's (libnd4j's {@code relu_bp}), bit for bit. */
class ChunkedReluTest {

    private static final float[] SPECIAL = {0f, -0f, Float.NaN, -Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
            -Float.MAX_VALUE, 1f, -1f, Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff800001)};

    @BeforeAll
    static void loadShippedNativeBuild() {
        NativeBuild.select();
    }

    @Test
    void sameBitsAsDl4jOnEverySpecialValuePair() {
        assertEquals(Optional.empty(), KernelSelfCheck.reluDifference(new ActivationReLU(), new ChunkedRelu(), SPECIAL));
    }

    @Test
    void sameBitsAsDl4jOnAConvolutionSizedArray() {
        // seed-cnn's second convolution at batch 8: several chunks and a partial last one.
        Random random = new Random(5);
        int n = 8 * 32 * 24 * 24 + 7;
        float[] z = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextInt(50) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
            g[i] = random.nextInt(50) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
        }
        compare(Nd4j.createFromArray(z), Nd4j.createFromArray(g));
    }

    @Test
    void leavesItsInputAloneAndFallsBackForDoublesAndStridedViews() {
        INDArray z = Nd4j.createFromArray(new float[] {1f, -2f, 3f, -4f});
        INDArray before = z.dup();
        INDArray out = new ChunkedRelu().backprop(z, Nd4j.createFromArray(new float[] {5f, 6f, 7f, 8f})).getFirst();
        assertNotSame(z, out);
        assertEquals(before, z);
        assertArrayEquals(new float[] {5f, 0f, 7f, 0f}, out.toFloatVector());
        compare(Nd4j.rand(DataType.DOUBLE, 4, 5).subi(0.5), Nd4j.rand(DataType.DOUBLE, 4, 5));
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 6, 4).subi(0.5);
        compare(matrix.getColumn(2), Nd4j.rand(DataType.FLOAT, 6));
    }

    private static void compare(INDArray z, INDArray epsilon) {
        INDArray expected = new ActivationReLU().backprop(z.dup(), epsilon.dup()).getFirst();
        INDArray actual = new ChunkedRelu().backprop(z.dup(), epsilon.dup()).getFirst();
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(Optional.empty(), KernelSelfCheck.firstDifference(expected, actual, "ReLU backward"));
    }
}
