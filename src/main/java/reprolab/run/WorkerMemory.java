package reprolab.run;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Explicit memory limits of one worker JVM, so that several runs side by side cannot push the
 * machine into swapping, and an out-of-memory fails that run alone. DL4J keeps parameters and
 * activations off the Java heap, so the heap gets a third of a run's share and JavaCPP's native
 * allocations half; {@code maxphysicalbytes} bounds the whole process.
 *
 * @param heapBytes     {@code -Xmx}
 * @param offHeapBytes  {@code org.bytedeco.javacpp.maxbytes}: native memory JavaCPP may allocate
 * @param physicalBytes {@code org.bytedeco.javacpp.maxphysicalbytes}: resident size of the whole process
 */
public record WorkerMemory(long heapBytes, long offHeapBytes, long physicalBytes) {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    /** The least a worker training a small net on 10,000 MNIST digits runs in, with room. */
    public static final long MIN_PER_RUN = GIB;
    /** No run needs more; more would only let a runaway worker swallow the machine. */
    public static final long MAX_PER_RUN = 8 * GIB;

    /** Limits for each of {@code parallel} runs on this machine. */
    public static WorkerMemory forParallel(int parallel) {
        return plan(machineBytes(), parallel);
    }

    /** How many runs fit this machine's memory side by side. */
    public static int maxParallel() {
        return fit(machineBytes());
    }

    /**
     * Splits the memory that is left after the app, the desktop and the system's caches (a quarter,
     * at least 1 GiB) into equal shares.
     *
     * @throws TooManyRunsException when a share would be below {@link #MIN_PER_RUN}
     */
    public static WorkerMemory plan(long machineBytes, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel runs must be at least 1, got " + parallel);
        }
        int fit = fit(machineBytes);
        if (parallel > fit) {
            throw new TooManyRunsException(parallel + " parallel runs do not fit in this machine's memory ("
                    + gib(machineBytes) + " GiB; each run needs " + gib(MIN_PER_RUN) + " GiB): at most " + fit
                    + (fit == 1 ? " run fits" : " runs fit") + "; choose fewer parallel runs", fit);
        }
        long share = Math.min(MAX_PER_RUN, usable(machineBytes) / parallel);
        long heap = Math.max(256 * MIB, share / 3);
        return new WorkerMemory(heap, share / 2, share);
    }

    /** The JVM options that set these limits. */
    public List<String> jvmOptions() {
        return List.of("-Xmx" + heapBytes / MIB + "m",
                "-Dorg.bytedeco.javacpp.maxbytes=" + offHeapBytes,
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + physicalBytes);
    }

    private static int fit(long machineBytes) {
        return (int) Math.min(Integer.MAX_VALUE, usable(machineBytes) / MIN_PER_RUN);
    }

    private static long usable(long machineBytes) {
        return Math.max(0, machineBytes - Math.max(GIB, machineBytes / 4));
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) GIB);
    }

    private static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize(); // the container's limit when there is one
        }
        return 4 * GIB; // a JVM without the extended bean: assume a small laptop
    }
}
