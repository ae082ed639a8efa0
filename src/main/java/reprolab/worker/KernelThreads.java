package reprolab.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the Java kernels ({@link ChunkedAdamUpdater}, {@link ChunkedRelu}) on as many threads as the
 * run's native math has ({@code execution.threads}), each thread on its own contiguous range.
 *
 * <p>Why it cannot change results: both kernels compute every element from the same element of
 * their inputs and nothing else (no sums across elements), so which thread computes an element,
 * and when, does not enter its value. {@code KernelThreadsTest} checks the outputs bit for bit
 * against one thread. At 1 thread (the default) everything runs on the caller, as before.
 */
final class KernelThreads {

    /** Below this many elements per thread the hand-over costs more than it saves. */
    static final long MIN_PER_THREAD = 8L * PlainFloats.CHUNK;

    private static volatile int threads = 1;
    private static ExecutorService helpers;
    private static int helperCount;

    /** One range of a kernel's elements, {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(long from, long to);
    }

    private KernelThreads() {
    }

    /** The run's thread count (NativeSettings applies the spec's); 1 or less runs everything on the caller. */
    static void use(int count) {
        threads = Math.max(1, count);
    }

    /** The thread count {@link #use} set (provenance records it). */
    static int count() {
        return threads;
    }

    /**
     * Splits {@code [0, length)} into at most as many ranges as {@link #use} set, with borders on
     * multiples of {@link PlainFloats#CHUNK}, runs the first on the calling thread and the others on
     * helper threads, and returns when all are done (rethrowing the first failure).
     */
    static void forRanges(long length, Range range) {
        int parts = (int) Math.min(threads, Math.max(1, length / MIN_PER_THREAD));
        if (parts <= 1) {
            range.run(0, length);
            return;
        }
        long chunks = (length + PlainFloats.CHUNK - 1) / PlainFloats.CHUNK;
        List<Future<?>> others = new ArrayList<>(parts - 1);
        ExecutorService pool = pool(parts - 1);
        for (int p = 1; p < parts; p++) {
            long from = border(p, parts, chunks, length);
            long to = border(p + 1, parts, chunks, length);
            others.add(pool.submit(() -> range.run(from, to)));
        }
        range.run(0, border(1, parts, chunks, length));
        for (Future<?> other : others) {
            await(other);
        }
    }

    private static long border(int part, int parts, long chunks, long length) {
        return Math.min(length, chunks * part / parts * PlainFloats.CHUNK);
    }

    private static synchronized ExecutorService pool(int count) {
        if (helpers == null || helperCount < count) {
            if (helpers != null) {
                helpers.shutdown();
            }
            AtomicInteger number = new AtomicInteger();
            helpers = Executors.newFixedThreadPool(count, task -> {
                Thread thread = new Thread(task, "reprolab-kernel-" + number.incrementAndGet());
                thread.setDaemon(true); // never keeps a finished worker alive
                return thread;
            });
            helperCount = count;
        }
        return helpers;
    }

    private static void await(Future<?> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // finish the step: half-updated parameters would be worse
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
