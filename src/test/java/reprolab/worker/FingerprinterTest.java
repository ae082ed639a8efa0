package reprolab.worker;

import org.junit.jupiter.api.Test;
import reprolab.events.LayerFingerprint;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprinterTest {

    private static final LayerFingerprint A = new LayerFingerprint("conv_0", "0123456789abcdef", 1.0);
    private static final LayerFingerprint B = new LayerFingerprint("dense_0", "fedcba9876543210", 2.0);
    private static final LayerFingerprint B_CHANGED = new LayerFingerprint("dense_0", "fedcba9876543211", 2.0);

    @Test
    void modelHashIsSixteenHexDigitsAndRepeatable() {
        String hash = Fingerprinter.modelHash(List.of(A, B));
        assertTrue(hash.matches("[0-9a-f]{16}"), hash);
        assertEquals(hash, Fingerprinter.modelHash(List.of(A, B)));
    }

    @Test
    void modelHashChangesWhenAnyLayerChanges() {
        assertNotEquals(Fingerprinter.modelHash(List.of(A, B)), Fingerprinter.modelHash(List.of(A, B_CHANGED)));
    }

    @Test
    void modelHashDependsOnLayerOrder() {
        assertNotEquals(Fingerprinter.modelHash(List.of(A, B)), Fingerprinter.modelHash(List.of(B, A)));
    }

    @Test
    void layerNormIsTheL2NormToFloatPrecisionEvenForMillionsOfParameters() {
        NativeBuild.select();
        java.util.Random random = new java.util.Random(1);
        float[] values = new float[2_360_320];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 0.02);
            sum += (double) values[i] * values[i];
        }
        double exact = Math.sqrt(sum);
        org.nd4j.linalg.api.ndarray.INDArray params = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][] {values});
        assertEquals(exact, Fingerprinter.l2Norm(params), exact * 1e-6);
        assertEquals(Math.sqrt(14), Fingerprinter.l2Norm(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[] {1, 2, 3})), 1e-12);
    }
}
