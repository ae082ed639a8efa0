package reprolab.cli;

/**
 * Waits for an experiment's workers while a JVM shutdown hook (Ctrl-C, SIGTERM) cancels them, so no
 * worker outlives the command; closes the progress display when the wait ends either way.
 */
final class CancelOnExit {

    /** The blocking wait for the runs' results. */
    interface Wait<T> {
        T get() throws InterruptedException;
    }

    private CancelOnExit() {
    }

    static <T> T await(Runnable cancelAll, Wait<T> wait, ProgressPrinter progress) throws InterruptedException {
        Thread hook = new Thread(cancelAll, "reprolab-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return wait.get();
        } finally {
            progress.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running: it cancels the workers
            }
        }
    }
}
