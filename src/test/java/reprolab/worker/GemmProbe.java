package reprolab.worker;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.function.BiConsumer;

/**
 * Prints one line per matrix product of a training step, {@code name hash}, computed by the BLAS
 * DL4J bundles (through {@code Nd4j.gemm}, i.e. sgemm/dgemm with the transposes DL4J passes, and
 * through {@code mmul}, libnd4j's matmul op): run in JVMs with other BLAS thread counts, equal lines
 * mean the product's bits do not depend on the thread count. Shapes: seed-cnn and tiny at batch 64
 * (im2col products of both convolutions and their two gradients, dense and output layers).
 * With {@code blocks} as second argument it checks instead whether halves of each product, each its
 * own call, give the whole product's bits. docs/performance.md "Round 6" has the commands and results.
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
        boolean blocks = args.length > 1 && args[1].equals("blocks");
        forEachShape(type, blocks ? GemmProbe::blocks : GemmProbe::threads);
        System.out.println("blasThreads=" + ((org.nd4j.nativeblas.Nd4jBlas) Nd4j.factory().blas()).getMaxThreads());
    }

    /** Seeded operands A and B of every shape, the same in every JVM. */
    private static void forEachShape(DataType type, BiConsumer<String, INDArray[]> probe) {
        Nd4j.getRandom().setSeed(12345);
        for (Object[] shape : SHAPES) {
            INDArray a = Nd4j.rand(type, (Integer) shape[1], (Integer) shape[2]).subi(0.5);
            INDArray b = Nd4j.rand(type, (Integer) shape[2], (Integer) shape[3]).subi(0.5);
            probe.accept((String) shape[0], new INDArray[] {a, b});
        }
    }

    private static void threads(String name, INDArray[] ab) {
        INDArray a = ab[0];
        INDArray b = ab[1];
        // DL4J's weight gradients multiply a transposed view: the same product with transA
        INDArray gemmT = Nd4j.gemm(a.transpose().dup('c'), b, true, false);
        System.out.println(name + " inputs=" + hash(a) + hash(b) + " gemm=" + hash(Nd4j.gemm(a, b, false, false))
                + " gemmTransA=" + hash(gemmT) + " mmul=" + hash(a.mmul(b)));
    }

    /**
     * Whether a product computed as independent halves (rows of A, or columns of B, each its own call
     * on fresh contiguous arrays) gives the bits of the whole product: what a partitioning of our own
     * over output blocks would have to keep.
     */
    private static void blocks(String name, INDArray[] ab) {
        INDArray a = ab[0];
        INDArray b = ab[1];
        long m = a.rows();
        long n = b.columns();
        String whole = hash(Nd4j.gemm(a, b, false, false));
        INDArray rows = Nd4j.vstack(Nd4j.gemm(a.get(NDArrayIndex.interval(0, m / 2), NDArrayIndex.all()).dup('c'),
                b, false, false), Nd4j.gemm(a.get(NDArrayIndex.interval(m / 2, m), NDArrayIndex.all()).dup('c'),
                b, false, false));
        INDArray cols = Nd4j.hstack(Nd4j.gemm(a, b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n / 2)).dup('c'),
                false, false), Nd4j.gemm(a, b.get(NDArrayIndex.all(), NDArrayIndex.interval(n / 2, n)).dup('c'),
                false, false));
        System.out.println(name + " rowHalvesEqual=" + whole.equals(hash(rows)) + " columnHalvesEqual="
                + whole.equals(hash(cols)));
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
