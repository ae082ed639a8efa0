package reprolab.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often each of our kernels ran, and how often it handed an array it cannot take (not plain
 * contiguous floats) to DL4J's native op instead. The run's {@code finished} event reports both, so
 * "reprolab kernels" in a provenance is never claimed for calls they did not compute.
 */
final class KernelCalls {

    static final KernelCalls ADAM = new KernelCalls("adam");
    static final KernelCalls RELU_BACKWARD = new KernelCalls("reluBackward");

    private final String name;
    private final AtomicLong ours = new AtomicLong();
    private final AtomicLong fellBack = new AtomicLong();

    private KernelCalls(String name) {
        this.name = name;
    }

    void ran() {
        ours.incrementAndGet();
    }

    void fellBack() {
        fellBack.incrementAndGet();
    }

    long fallbacks() {
        return fellBack.get();
    }

    /** Counts of this worker so far, e.g. {@code adam.reprolab=120, adam.native=0}; empty when none ran. */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (KernelCalls k : new KernelCalls[] {ADAM, RELU_BACKWARD}) {
            if (k.ours.get() + k.fellBack.get() > 0) {
                counts.put(k.name + ".reprolab", k.ours.get());
                counts.put(k.name + ".native", k.fellBack.get());
            }
        }
        return counts;
    }
}
