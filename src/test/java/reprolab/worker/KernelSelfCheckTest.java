package reprolab.worker;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSelfCheckTest {

    @BeforeAll
    static void loadShippedNativeBuild() {
        NativeBuild.select();
    }

    @Test
    void theShippedBuildGetsOurKernels() {
        KernelSelfCheck.Verdict verdict = KernelSelfCheck.forThisBuild();
        assertEquals(ModelFactory.Kernels.REPROLAB, verdict.kernels(), verdict.reason());
        assertTrue(verdict.describe().startsWith("reprolab (self-check passed"), verdict.describe());
    }

    @Test
    void theCheckUsesTheRunsOwnLearningRateAndIsKeptPerSetting() {
        KernelSelfCheck.Verdict run = KernelSelfCheck.forRun(3.7e-4, reprolab.experiment.DataTypeName.FLOAT);
        assertEquals(ModelFactory.Kernels.REPROLAB, run.kernels(), run.reason());
        assertTrue(run == KernelSelfCheck.forRun(3.7e-4, reprolab.experiment.DataTypeName.FLOAT), "checked once");
        assertEquals(3.7e-4, ModelFactory.adam(3.7e-4, ModelFactory.Kernels.REPROLAB).getLearningRate());
        assertTrue(ModelFactory.adam(3.7e-4, ModelFactory.Kernels.REPROLAB) instanceof ChunkedAdam);
    }

    @Test
    void aDoublePrecisionRunUsesDl4jsKernelsAndSaysWhy() {
        // our kernels take plain floats only: a double run would fall back on every call while claiming ours
        KernelSelfCheck.Verdict verdict = KernelSelfCheck.forRun(1e-3, reprolab.experiment.DataTypeName.DOUBLE);
        assertEquals(ModelFactory.Kernels.DL4J, verdict.kernels());
        assertEquals("dl4j (double precision: our kernels are float-only)", verdict.describe());
    }

    @Test
    void aCallOurAdamCannotTakeIsCountedAsAFallbackToTheNativeOp() {
        long before = KernelCalls.ADAM.fallbacks();
        var updater = new ChunkedAdam(1e-3).instantiate(
                org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 8), true);
        updater.applyUpdater(org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 4), 0, 0);
        assertEquals(before + 1, KernelCalls.ADAM.fallbacks());
        assertTrue(KernelCalls.snapshot().get("adam.native") >= 1, KernelCalls.snapshot().toString());
    }

    @Test
    void anAdamThatDiffersInTheLastBitSelectsDl4jsKernels() {
        ChunkedAdam slightlyOff = new ChunkedAdam(1e-3);
        slightlyOff.setEpsilon(1.0000001e-8);
        KernelSelfCheck.Verdict verdict = KernelSelfCheck.decide(new Adam(1e-3), slightlyOff, new ActivationReLU(), new ChunkedRelu());
        assertEquals(ModelFactory.Kernels.DL4J, verdict.kernels());
        assertTrue(verdict.reason().contains("Adam update at iteration 0"), verdict.reason());
    }

    @Test
    void aReluThatDiffersOnlyOnSpecialValuesSelectsDl4jsKernels() {
        // Leaky ReLU with slope 0 differs from ReLU only in the sign of zero for negative gradients.
        KernelSelfCheck.Verdict verdict = KernelSelfCheck.decide(new Adam(1e-3), new ChunkedAdam(1e-3),
                new ActivationReLU(), new ActivationLReLU(0.0));
        assertEquals(ModelFactory.Kernels.DL4J, verdict.kernels());
        assertTrue(verdict.reason().startsWith("self-check: ReLU backward differs"), verdict.reason());
    }

    @Test
    void aKernelThatFailsSelectsDl4jsKernels() {
        ActivationReLU broken = new ActivationReLU() {
            @Override
            public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
                throw new IllegalStateException("no such instruction");
            }
        };
        KernelSelfCheck.Verdict verdict = KernelSelfCheck.decide(new Adam(1e-3), new ChunkedAdam(1e-3), new ActivationReLU(), broken);
        assertEquals(ModelFactory.Kernels.DL4J, verdict.kernels());
        assertTrue(verdict.reason().contains("no such instruction"), verdict.reason());
    }
}
