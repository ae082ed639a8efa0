package reprolab.cli;

import picocli.CommandLine.Command;
import reprolab.run.PythonProbe;
import reprolab.run.PythonWorker;
import reprolab.run.WorkerClassArchive;
import reprolab.run.WorkerCommand;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code reprolab doctor}: which engines this machine can run. DL4J: the Java runtime and the
 * libnd4j build; PyTorch: each Python the launcher would consider, with torch's version, CUDA and
 * the GPU, and which one PyTorch runs will use.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Show the engines found: Java/DL4J, and Python with torch, CUDA and the GPU.")
final class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        // the libnd4j build is chosen inside each worker JVM (worker.NativeBuild), which the CLI does not touch
        System.out.println("engine dl4j: available. Java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + "), backend cpu; each worker picks the libnd4j build for this"
                + " CPU and records it in its provenance (cuda needs the Maven profile 'cuda')");
        System.out.println("  worker class archive: " + WorkerClassArchive.describe(WorkerCommand.forCurrentJvm()));
        Optional<String> explicit = PythonWorker.explicit();
        Set<String> pythons = new LinkedHashSet<>();
        explicit.ifPresent(pythons::add);
        if (explicit.isEmpty()) {
            pythons.addAll(PythonWorker.CANDIDATES);
        }
        String chosen = PythonWorker.python();
        boolean usable = false;
        for (String python : pythons) {
            PythonProbe probe = PythonProbe.of(python);
            usable |= probe.hasTorch() && python.equals(chosen);
            System.out.println("  python " + probe.describe() + (python.equals(chosen) ? "  <- used" : ""));
        }
        System.out.println("engine pytorch: " + (usable ? "available with " + chosen
                : explicit.isPresent() ? "not available: " + chosen + " (named by " + source() + ") cannot import torch"
                : "not available: no Python with torch (install python3-torch, or set " + PythonWorker.PYTHON_ENV + ")"));
        return Main.EXIT_OK;
    }

    private static String source() {
        return System.getenv(PythonWorker.PYTHON_ENV) != null ? PythonWorker.PYTHON_ENV : "the app's Python setting";
    }
}
