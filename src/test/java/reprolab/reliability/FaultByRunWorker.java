package reprolab.reliability;

import reprolab.experiment.RunSpec;
import reprolab.worker.WorkerMain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker stand-in that gives one run its own fault: the launcher's environment is the same for
 * every run, so this starts the real {@link WorkerMain} as its child with {@code REPROLAB_INJECT_FAULT}
 * set when the run id is the one named by {@code -Dreprolab.test.faultRun=ID:FAULT}. The child writes
 * straight to the launcher's pipes; this process only passes on its exit code.
 */
public final class FaultByRunWorker {

    private FaultByRunWorker() {
    }

    public static void main(String[] args) throws Exception {
        RunSpec run = RunSpec.fromJson(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        String[] fault = System.getProperty("reprolab.test.faultRun", ":").split(":", 2);
        ProcessBuilder child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), WorkerMain.MAIN_CLASS, args[0], args[1]));
        if (run.runId().equals(fault[0])) {
            child.environment().put("REPROLAB_INJECT_FAULT", fault[1]);
        }
        System.exit(child.inheritIO().start().waitFor());
    }
}
