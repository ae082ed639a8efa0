package reprolab.experiment;

/**
 * The one name the launcher and a thread-invariant worker share for lending idle cores
 * ({@code run.IdleCoreLending} writes, {@code worker.KernelThreadGrants} reads).
 */
public final class KernelThreadsGrant {

    /** The system property naming the file that holds the threads a worker's Java kernels may use. */
    public static final String FILE_PROPERTY = "reprolab.kernelThreadsFile";

    private KernelThreadsGrant() {
    }
}
