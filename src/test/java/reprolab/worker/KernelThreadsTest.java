package reprolab.worker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java kernels on several threads: every element once, on chunk borders, and the same bits. */
class KernelThreadsTest {

    @BeforeAll
    static void loadShippedNativeBuild() {
        NativeBuild.select();
    }

    @AfterEach
    void backToOneThread() {
        KernelThreads.use(1);
    }

    @Test
    void rangesCoverEveryElementOnceOnChunkBordersAndUseTheHelperThreads() {
        KernelThreads.use(3);
        long length = 3 * KernelThreads.MIN_PER_THREAD + 5;
        List<long[]> ranges = Collections.synchronizedList(new ArrayList<>());
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        KernelThreads.forRanges(length, (from, to) -> {
            ranges.add(new long[] {from, to});
            threadNames.add(Thread.currentThread().getName());
        });
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        assertEquals(3, ranges.size());
        long expectedFrom = 0;
        for (long[] range : ranges) {
            assertEquals(expectedFrom, range[0], "no gap, no overlap");
            assertEquals(0, range[0] % PlainFloats.CHUNK, "starts on a chunk border");
            expectedFrom = range[1];
        }
        assertEquals(length, expectedFrom);
        assertEquals(3, threadNames.size(), "the caller and two helpers: " + threadNames);
    }

    @Test
    void smallArraysAndOneThreadStayOnTheCaller() {
        KernelThreads.use(2);
        List<String> names = new ArrayList<>();
        KernelThreads.forRanges(KernelThreads.MIN_PER_THREAD, (from, to) -> names.add(Thread.currentThread().getName()));
        KernelThreads.use(1);
        KernelThreads.forRanges(10 * KernelThreads.MIN_PER_THREAD, (from, to) -> names.add(Thread.currentThread().getName()));
        assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()), names);
    }

    @Test
    void aFailureOnAHelperReachesTheCaller() {
        KernelThreads.use(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                KernelThreads.forRanges(4 * KernelThreads.MIN_PER_THREAD, (from, to) -> {
                    if (from > 0) {
                        throw new IllegalStateException("helper failed");
                    }
                }));
        assertEquals("helper failed", e.getMessage());
    }

    @Test
    void adamOnTwoThreadsHasTheNativeOpsBits() {
        KernelThreads.use(2);
        int length = (int) (3 * KernelThreads.MIN_PER_THREAD + 123);
        assertEquals(Optional.empty(), KernelSelfCheck.adamDifference(new Adam(1e-3), new ChunkedAdam(1e-3),
                length, IntStream.range(0, 30).toArray(), 13));
    }

    @Test
    void reluBackwardOnTwoThreadsHasDl4jsBits() {
        KernelThreads.use(2);
        Random random = new Random(9);
        int n = (int) (2 * KernelThreads.MIN_PER_THREAD + 77);
        float[] z = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian();
            g[i] = (float) random.nextGaussian();
        }
        INDArray expected = new ActivationReLU().backprop(Nd4j.createFromArray(z), Nd4j.createFromArray(g)).getFirst();
        INDArray actual = new ChunkedRelu().backprop(Nd4j.createFromArray(z), Nd4j.createFromArray(g)).getFirst();
        assertEquals(Optional.empty(), KernelSelfCheck.firstDifference(expected, actual, "ReLU backward"));
        assertTrue(actual.length() > KernelThreads.MIN_PER_THREAD);
    }
}
