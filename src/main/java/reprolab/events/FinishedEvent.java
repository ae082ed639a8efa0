package reprolab.events;

/**
 * Last line of a successful run.
 *
 * @param finalHash       xxHash64 of all parameters of the final model (after restoring the best, if asked)
 * @param iterations      updates done
 * @param wallMs          wall time of training, data loading included
 * @param msPerIteration  mean time of one update, fingerprints included
 * @param valLoss         validation loss of the final model
 * @param valAccuracy     validation accuracy of the final model
 * @param stoppedEarly    whether early stopping ended the run
 * @param restoredEpoch   epoch whose weights were restored, or -1
 * @param kernelCalls     calls of ReproLab's own kernels and of those that fell back to the native op,
 *                        e.g. {@code adam.reprolab}, {@code adam.native}; empty when DL4J's kernels ran
 *                        (and in event format 1); for a thread-invariant run also
 *                        {@code kernelThreads.most}, the most threads its Java kernels were lent
 *                        (run.IdleCoreLending)
 */
public record FinishedEvent(String finalHash, int iterations, long wallMs, double msPerIteration,
                            double valLoss, double valAccuracy, boolean stoppedEarly, int restoredEpoch,
                            java.util.Map<String, Long> kernelCalls)
        implements WorkerEvent {

    public FinishedEvent {
        // sorted: the line's key order must not vary from one JVM to the next
        kernelCalls = java.util.Collections.unmodifiableMap(
                kernelCalls == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(kernelCalls));
    }

    /** A finished event without kernel counts (event format 1). */
    public FinishedEvent(String finalHash, int iterations, long wallMs, double msPerIteration, double valLoss,
                         double valAccuracy, boolean stoppedEarly, int restoredEpoch) {
        this(finalHash, iterations, wallMs, msPerIteration, valLoss, valAccuracy, stoppedEarly, restoredEpoch,
                java.util.Map.of());
    }

    public static final String TYPE = "finished";

    @Override
    public String type() {
        return TYPE;
    }
}
