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
}
