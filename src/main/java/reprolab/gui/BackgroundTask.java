package reprolab.gui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One piece of work off the FX thread with its result, or its failure, handed back on the FX thread
 * (after JabRef's BackgroundTask). Every view model used to write this try/catch by hand, and one
 * copy forgot the failure branch, leaving its tab "running" forever; here a failure always reaches
 * {@link #onFailure}, and a task without a failure handler still reaches {@link #onFinally}, as does
 * one whose work throws an {@link Error}.
 * Tests pass {@code Runnable::run} for both executors, which makes the whole task synchronous.
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {

    /** Work that may fail with any exception. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Exception> onFailure = e -> { };
    private Runnable onFinally = () -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> ofStep(Step step) {
        return new BackgroundTask<>(() -> {
            step.run();
            return null;
        });
    }

    /** Called on the FX thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Called on the FX thread with what the work threw. */
    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Called on the FX thread after success or failure, e.g. to clear a busy flag. */
    public BackgroundTask<T> onFinally(Runnable action) {
        this.onFinally = Objects.requireNonNull(action);
        return this;
    }

    /** Runs the work on {@code background}; the callbacks on {@code fx}. */
    public void executeWith(Executor background, Executor fx) {
        background.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                fx.execute(() -> finish(() -> onFailure.accept(e)));
                return;
            } catch (Error e) {
                // not a failure to show (out of memory, a broken class path): the busy flags still clear,
                // and the error goes on to the background thread's handler, which logs it
                fx.execute(onFinally);
                throw e;
            }
            fx.execute(() -> finish(() -> onSuccess.accept(value)));
        });
    }

    /** A message for the user: the exception's own, else its type (a bare NullPointerException has none). */
    public static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void finish(Runnable callback) {
        try {
            callback.run();
        } finally {
            onFinally.run();
        }
    }
}
