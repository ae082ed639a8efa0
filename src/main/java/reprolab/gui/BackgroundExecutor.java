package reprolab.gui;

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
