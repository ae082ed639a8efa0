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
