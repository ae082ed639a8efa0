package reprolab.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the cores the launcher lends a thread-invariant worker once finished repeats left them idle
 * ({@code run.IdleCoreLending}): a file holding a thread count, read before each update. Only our Java
 * kernels take the new count ({@link KernelThreads}); they split independent outputs alone, so the bits
 * cannot change, and the native libraries stay on the one thread they were loaded with.
 */
final class KernelThreadGrants {

    private final Path file;
    private int most;

    private KernelThreadGrants(Path file) {
        this.file = file;
        this.most = KernelThreads.count();
    }

    /** The worker's grants: none unless the run is thread-invariant and the launcher named a file. */
    static KernelThreadGrants forRun(boolean threadInvariant) {
        String named = System.getProperty(reprolab.experiment.KernelThreadsGrant.FILE_PROPERTY);
        return new KernelThreadGrants(threadInvariant && named != null && !named.isBlank() ? Path.of(named) : null);
    }

    /** Takes a new grant, if one was written; a missing or unreadable file leaves the threads as they are. */
    void poll() {
        if (file == null) {
            return;
        }
        try {
            int granted = Integer.parseInt(Files.readString(file).trim());
            int threads = Math.max(1, Math.min(granted, Runtime.getRuntime().availableProcessors()));
            if (threads != KernelThreads.count()) {
                KernelThreads.use(threads);
                most = Math.max(most, threads);
            }
        } catch (NoSuchFileException e) {
            // nothing lent (yet)
        } catch (IOException | NumberFormatException e) {
            // half a write cannot happen (the launcher renames a whole file into place); any other
            // problem only means this run keeps its threads
        }
    }

    /** The most threads our kernels were given in this run; 0 when the run has no grant file. */
    int most() {
        return file == null ? 0 : most;
    }
}
