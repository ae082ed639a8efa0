package reprolab.worker;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Whether libnd4j's convolution (oneDNN where helpers are on) computes a batch item's output, and its
 * input gradient, with the same bits when the call holds fewer items: seed-cnn's conv_1 (64 x 32 x 26 x
 * 26 in, 32 filters of 3x3) as one call and as two calls of 32 items. If so, splitting a convolution
 * over fixed blocks of batch items keeps each item's bits (docs/performance.md "Round 6").
 */
public final class ConvBatchProbe {

    private ConvBatchProbe() {
    }

    public static void main(String[] args) {
        Nd4j.getRandom().setSeed(7);
        INDArray input = Nd4j.rand(DataType.FLOAT, 64, 32, 26, 26).subi(0.5);
        INDArray weights = Nd4j.rand(DataType.FLOAT, 3, 3, 32, 32).subi(0.5); // [kH, kW, iC, oC]
        INDArray gradOut = Nd4j.rand(DataType.FLOAT, 64, 32, 24, 24).subi(0.5);
        INDArray whole = conv(input, weights);
        INDArray halves = Nd4j.concat(0, conv(half(input, 0), weights), conv(half(input, 1), weights));
        System.out.println("forward, halves equal the whole: " + GemmProbe.hash(whole).equals(GemmProbe.hash(halves)));
        INDArray[] all = gradients(input, weights, gradOut);
        INDArray[] first = gradients(half(input, 0), weights, half(gradOut, 0));
        INDArray[] second = gradients(half(input, 1), weights, half(gradOut, 1));
        System.out.println("input gradient, halves equal the whole: " + GemmProbe.hash(all[0])
                .equals(GemmProbe.hash(Nd4j.concat(0, first[0], second[0]))));
        System.out.println("weight gradient, sum of the halves' equals the whole: " + GemmProbe.hash(all[1])
                .equals(GemmProbe.hash(first[1].add(second[1]))));
    }

    private static INDArray half(INDArray x, int which) {
        long n = x.size(0) / 2;
        return x.get(NDArrayIndex.interval(which * n, (which + 1) * n)).dup('c');
    }

    private static final int[] CONFIG = {3, 3, 1, 1, 0, 0, 1, 1, 0, 0}; // kH kW sH sW pH pW dH dW same NCHW

    private static INDArray conv(INDArray input, INDArray weights) {
        return Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, weights).addIntegerArguments(CONFIG)
                .build())[0];
    }

    /** {input gradient, weight gradient}. */
    private static INDArray[] gradients(INDArray input, INDArray weights, INDArray gradOut) {
        return Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weights, gradOut)
                .addIntegerArguments(CONFIG).build());
    }
}
