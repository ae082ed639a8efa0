package reprolab.gui;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one pool for work that must stay off the FX thread (I/O, analysis, starting runs).
 * Daemon threads, so a forgotten task never keeps the JVM alive after the window closes.
 */
public final class BackgroundExecutor {

    private BackgroundExecutor() {
    }

    /**
     * The one thread that cancels runs. Cancel must never wait behind an analysis or an export on the
     * two-thread pool (it did); destroying process trees is quick, so one thread is enough for all.
     */
    public static Executor cancels() {
        return Cancels.POOL;
    }

    private static final class Cancels {
        static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reprolab-gui-cancel");
            t.setDaemon(true);
            return t;
        });
    }

    public static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "reprolab-gui-bg-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(2, factory);
    }
}
