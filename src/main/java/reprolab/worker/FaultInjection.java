package reprolab.worker;

/**
 * Deliberate faults for testing how the launcher, store and analysis cope, switched on only by the
 * environment variable {@value #VARIABLE} in a worker's environment (never set by the app):
 * {@code nan-loss@K} reports a NaN loss at update K (real training does not reach NaN easily: DL4J
 * clips the cross-entropy), {@code crash@K} halts the JVM at once, {@code hang@K} stops reporting,
 * {@code oom@K} exhausts the heap.
 */
final class FaultInjection {

    static final String VARIABLE = "REPROLAB_INJECT_FAULT";

    private final String kind;
    private final int iteration;

    private FaultInjection(String kind, int iteration) {
        this.kind = kind;
        this.iteration = iteration;
    }

    static FaultInjection fromEnvironment() {
        String value = System.getenv(VARIABLE);
        if (value == null || !value.matches("(nan-loss|crash|hang|oom)@\\d{1,9}")) {
            return new FaultInjection("none", -1);
        }
        String[] parts = value.split("@");
        System.err.println("reprolab worker: fault injection " + value + " is on");
        return new FaultInjection(parts[0], Integer.parseInt(parts[1]));
    }

    /** The loss to report for update {@code k}, after acting out any fault due then. */
    double atIteration(int k, double loss) {
        if (k != iteration) {
            return loss;
        }
        switch (kind) {
            case "nan-loss":
                return Double.NaN;
            case "crash":
                Runtime.getRuntime().halt(134);
                return loss;
            case "hang":
                sleepForever();
                return loss;
            case "oom":
                exhaustHeap();
                return loss;
            default:
                return loss;
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exhaustHeap() {
        java.util.List<long[]> hog = new java.util.ArrayList<>();
        while (true) {
            hog.add(new long[16 * 1024 * 1024]);
        }
    }
}
