package reprolab.run.fakes;

import reprolab.events.EpochEvent;
import reprolab.events.EventCodec;
import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;
import reprolab.events.FinishedEvent;
import reprolab.events.IterationEvent;
import reprolab.events.LayerFingerprint;
import reprolab.events.Provenance;
import reprolab.events.StartedEvent;
import reprolab.events.WorkerEvent;
import reprolab.experiment.RunSpec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for the real worker, started the same way ({@code --run-spec FILE}). What it does is
 * chosen by the run id's first part, so one experiment can hold a crashing and a healthy run:
 * {@code ok}, {@code slow}, {@code crash}, {@code halt}, {@code hang}, {@code garbage}, {@code huge},
 * {@code oom}, {@code failed}, {@code tree}, {@code chatty} (events as fast as it can, never ending).
 */
public final class ScriptedWorker {

    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        RunSpec run = RunSpec.fromJson(Files.readString(Path.of(args[1])));
        String script = run.runId().split("-")[0];
        emit(started(run, script.equals("tree") ? "child:" + startChild() : ""));
        switch (script) {
            case "ok" -> finish(3, 0);
            case "slow" -> finish(3, 300);
            case "crash" -> crash();
            case "halt" -> halt();
            case "hang" -> sleepForever(1);
            case "garbage" -> garbage();
            case "huge" -> huge();
            case "oom" -> throw new OutOfMemoryError("Java heap space");
            case "failed" -> {
                emit(new FailedEvent("the data file is broken", -1, FailureCause.ERROR));
                System.exit(1);
            }
            case "tree", "ticking" -> sleepForever(Integer.MAX_VALUE);
            case "chatty" -> finish(Integer.MAX_VALUE - 1, 0);
            default -> throw new IllegalArgumentException("no script " + script);
        }
    }

    private static StartedEvent started(RunSpec run, String device) {
        Map<String, String> env = new TreeMap<>();
        for (String key : List.of("OMP_NUM_THREADS", "SD_MAX_THREADS", "SD_MASTER_THREADS", "SD_FORBID_HELPERS",
                "BACKEND_PRIORITY_CPU", "BACKEND_PRIORITY_GPU")) {
            if (System.getenv(key) != null) {
                env.put(key, System.getenv(key));
            }
        }
        env.put("reprolab.home", System.getProperty("reprolab.home"));
        env.put("pid", String.valueOf(ProcessHandle.current().pid()));
        return new StartedEvent(run.runId(), new Provenance("hash", run.spec(), run.seeds(), env, "FakeBackend",
                "fake", false, device, "os", "java", Map.of(), List.of("dense_0"), 3));
    }

    private static IterationEvent iteration(int i) {
        return new IterationEvent(i, 0, i == 0 ? null : 1.0 / i, i == 0 ? null : 0.5,
                List.of(new LayerFingerprint("dense_0", "00000000000000" + (10 + i), 1.0)), "hash" + i, 0);
    }

    private static void finish(int iterations, long pauseMs) throws InterruptedException {
        for (int i = 0; i <= iterations; i++) {
            Thread.sleep(pauseMs);
            emit(iteration(i));
        }
        emit(new EpochEvent(0, iterations, 0.5, 0.9));
        emit(new FinishedEvent("finalhash", iterations, 10, 1.0, 0.5, 0.9, false, -1));
        System.exit(0);
    }

    private static void crash() {
        emit(iteration(0));
        emit(iteration(1));
        for (int i = 1; i <= 30; i++) {
            System.err.println("boom line " + i);
        }
        System.err.flush();
        System.exit(3);
    }

    private static void halt() {
        emit(iteration(0));
        String line = EventCodec.encode(iteration(1));
        OUT.print(line.substring(0, line.length() / 2));
        OUT.flush();
        Runtime.getRuntime().halt(7);
    }

    private static void garbage() throws InterruptedException {
        for (int i = 0; ; i++) {
            OUT.println("not an event " + i);
            OUT.flush();
            Thread.sleep(5);
        }
    }

    private static void huge() {
        OUT.print("x".repeat(300_000));
        OUT.println();
        emit(iteration(0));
        emit(new FinishedEvent("finalhash", 0, 10, 1.0, 0.5, 0.9, false, -1));
        System.exit(0);
    }

    private static long startChild() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ScriptedWorker.class.getName() + "$Sleeper").start();
        return child.pid();
    }

    private static void sleepForever(int ticks) throws InterruptedException {
        for (int i = 0; i < ticks; i++) {
            emit(iteration(i));
            Thread.sleep(100);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void emit(WorkerEvent event) {
        OUT.println(EventCodec.encode(event));
        OUT.flush();
    }

    /** A grandchild that only waits, to check that cancel kills the whole tree. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
