package reprolab.gui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackgroundTaskTest {

    private final List<String> log = new ArrayList<>();
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> fx = new ArrayList<>();

    @Test
    void theResultReachesTheFxExecutorAfterTheWorkRanInTheBackground() {
        BackgroundTask.of(() -> {
            log.add("work");
            return 42;
        }).onSuccess(v -> log.add("success " + v)).onFailure(e -> log.add("failure"))
                .onFinally(() -> log.add("finally")).executeWith(background::add, fx::add);
        assertEquals(List.of(), log, "nothing runs on the calling thread");
        background.remove(0).run();
        assertEquals(List.of("work"), log);
        fx.remove(0).run();
        assertEquals(List.of("work", "success 42", "finally"), log);
    }

    @Test
    void aCheckedFailureReachesOnFailureAndFinallyStillRuns() {
        BackgroundTask.ofStep(() -> {
            throw new IOException("disk full");
        }).onSuccess(v -> log.add("success")).onFailure(e -> log.add("failure " + e.getMessage()))
                .onFinally(() -> log.add("finally")).executeWith(Runnable::run, Runnable::run);
        assertEquals(List.of("failure disk full", "finally"), log);
    }

    @Test
    void anErrorStillRunsFinallyAndIsNotSwallowed() {
        BackgroundTask.ofStep(() -> {
            throw new OutOfMemoryError("heap");
        }).onSuccess(v -> log.add("success")).onFailure(e -> log.add("failure"))
                .onFinally(() -> log.add("finally")).executeWith(background::add, fx::add);
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> background.remove(0).run(),
                "the background thread's handler sees the error");
        assertEquals("heap", thrown.getMessage());
        fx.remove(0).run();
        assertEquals(List.of("finally"), log, "no failure to show, but the busy flag clears");
    }

    @Test
    void aRuntimeFailureWithoutAHandlerStillEndsTheTask() {
        BackgroundTask.of(() -> {
            throw new IllegalStateException();
        }).onFinally(() -> log.add("finally")).executeWith(Runnable::run, Runnable::run);
        assertEquals(List.of("finally"), log);
        assertEquals("NullPointerException", BackgroundTask.messageOf(new NullPointerException()));
        assertEquals("no runs", BackgroundTask.messageOf(new IllegalStateException("no runs")));
    }
}
