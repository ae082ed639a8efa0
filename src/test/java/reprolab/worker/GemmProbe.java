package reprolab.worker;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints one line per matrix product of a training step, {@code name hash}, computed by the BLAS
 * DL4J bundles (through {@code Nd4j.gemm}, i.e. sgemm/dgemm with the transposes DL4J passes, and
 * through {@code mmul}, libnd4j's matmul op): run in JVMs with other BLAS thread counts, equal lines
 * mean the product's bits do not depend on the thread count. Shapes: seed-cnn and tiny at batch 64
 * (im2col products of both convolutions and their two gradients, dense and output layers).
 */
public final class GemmProbe {

    /** {name, M, K, N}: C[M x N] = A[M x K] * B[K x N]. */
    static final Object[][] SHAPES = {
            {"seed-conv0-fwd", 43264, 9, 32}, {"seed-conv0-dW", 9, 43264, 32},
            {"seed-conv1-fwd", 36864, 288, 32}, {"seed-conv1-dW", 288, 36864, 32}, {"seed-conv1-dX", 36864, 32, 288},
            {"seed-dense-fwd", 64, 4608, 512}, {"seed-dense-dW", 4608, 64, 512}, {"seed-dense-dX", 64, 512, 4608},
            {"seed-out-fwd", 64, 512, 10}, {"seed-out-dW", 512, 64, 10}, {"seed-out-dX", 64, 10, 512},
            {"tiny-conv-fwd", 43264, 9, 4}, {"tiny-conv-dW", 9, 43264, 4},
            {"tiny-dense-fwd", 64, 676, 32}, {"tiny-dense-dW", 676, 64, 32}, {"tiny-dense-dX", 64, 32, 676},
            {"square-512", 512, 512, 512}, {"square-2048", 2048, 2048, 2048},
    };

    private GemmProbe() {
    }

    public static void main(String[] args) {
        DataType type = args.length > 0 && args[0].equals("double") ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.getRandom().setSeed(12345);
        for (Object[] shape : SHAPES) {
            int m = (Integer) shape[1];
            int k = (Integer) shape[2];
            int n = (Integer) shape[3];
            INDArray a = Nd4j.rand(type, m, k).subi(0.5);
            INDArray b = Nd4j.rand(type, k, n).subi(0.5);
            // DL4J's weight gradients multiply a transposed view: the same product with transA
            INDArray aT = a.transpose().dup('c');
            INDArray gemm = Nd4j.gemm(a, b, false, false);
            INDArray gemmT = Nd4j.gemm(aT, b, true, false);
            INDArray mmul = a.mmul(b);
            System.out.println(shape[0] + " inputs=" + hash(a) + hash(b) + " gemm=" + hash(gemm) + " gemmTransA=" + hash(gemmT) + " mmul=" + hash(mmul));
        }
        System.out.println("blasThreads=" + ((org.nd4j.nativeblas.Nd4jBlas) Nd4j.factory().blas()).getMaxThreads());
    }

    /** FNV-1a over the raw bits of every element, in row-major order. */
    static String hash(INDArray x) {
        INDArray c = x.dup('c');
        long h = 0xcbf29ce484222325L;
        for (long i = 0; i < c.length(); i++) {
            long bits = c.dataType() == DataType.DOUBLE ? Double.doubleToRawLongBits(c.getDouble(i))
                    : Float.floatToRawIntBits(c.getFloat(i));
            h = (h ^ bits) * 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
