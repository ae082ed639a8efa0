package reprolab.worker;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import reprolab.data.DataException;
import reprolab.data.ExampleLoader;
import reprolab.events.Provenance;
import reprolab.experiment.FileChecksum;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Records what a run ran on: everything besides the spec that can make two runs differ. */
final class ProvenanceCollector {

    /** Environment variables that steer native code; their values go into every run's provenance. */
    static final List<String> NATIVE_ENVIRONMENT = List.of("OMP_NUM_THREADS", "SD_MAX_THREADS", "SD_MASTER_THREADS",
            "SD_FORBID_HELPERS", "BACKEND_PRIORITY_CPU", "BACKEND_PRIORITY_GPU", "OPENBLAS_NUM_THREADS",
            "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "MKL_NUM_THREADS", "CUBLAS_WORKSPACE_CONFIG", "CUDA_VISIBLE_DEVICES",
            "GOMP_SPINCOUNT", "OMP_WAIT_POLICY", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
            "GLIBC_TUNABLES", "OPENBLAS_THREAD_TIMEOUT");

    /** The provenance environment entry that names the machine (a cluster's node) a run ran on. */
    static final String HOSTNAME_KEY = "hostname";

    private ProvenanceCollector() {
    }

    static Provenance collect(RunSpec run, List<String> layers, int totalIterations) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : NATIVE_ENVIRONMENT) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.put("nd4j.maxThreads", String.valueOf(Nd4j.getEnvironment().maxThreads()));
        environment.put("nd4j.maxMasterThreads", String.valueOf(Nd4j.getEnvironment().maxMasterThreads()));
        // the threads our Java kernels split independent outputs over; under threadInvariant the only ones
        environment.put("reprolab.kernelThreads", String.valueOf(KernelThreads.count()));
        environment.put("reprolab.threadInvariant", String.valueOf(run.spec().execution().threadInvariant()));
        // which machine: on a cluster the node; the CPU model is in device (the record keeps its shape)
        environment.put(HOSTNAME_KEY, hostname());
        return new Provenance(SpecJson.hash(run.spec()), run.spec(), run.seeds(), environment,
                Nd4j.getBackend().getClass().getSimpleName(), nativeBuild(), NativeSettings.helpersActive(),
                cpuModel(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                versions(run), layers, totalIterations, dataChecksums(run), cpuFlags(Path.of("/proc/cpuinfo")));
    }

    /**
     * SHA-256 of every data file the run reads, by path: two runs of one spec on different copies of
     * "the same" file are told apart. A file that cannot be read gets the reason instead of a checksum
     * (loading it fails the run right after, with its own message).
     */
    static Map<String, String> dataChecksums(RunSpec run) {
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (Path file : ExampleLoader.files(run.spec().data(), Path.of(System.getProperty("user.dir")))) {
                sums.put(file.toString(), sha256(file));
            }
        } catch (DataException e) {
            sums.put("data", "unreadable: " + e.getMessage());
        }
        return sums;
    }

    private static String sha256(Path file) {
        try {
            return FileChecksum.sha256(file);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The first "flags" (x86) or "Features" (ARM) line of a cpuinfo file, or "" where there is none. */
    static String cpuFlags(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags") || line.startsWith("Features")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return "";
    }

    private static String hostname() {
        String slurmNode = System.getenv("SLURMD_NODENAME");
        if (slurmNode != null && !slurmNode.isBlank()) {
            return slurmNode;
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            String env = System.getenv(System.getProperty("os.name").startsWith("Windows") ? "COMPUTERNAME" : "HOSTNAME");
            return env == null ? "unknown" : env;
        }
    }

    /** The libnd4j build: platform, JavaCPP extension (e.g. -onednn-avx512) and its build information. */
    static String nativeBuild() {
        String extension = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        String info;
        try {
            info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        } catch (RuntimeException | LinkageError e) {
            info = "build info unavailable";
        }
        return Loader.getPlatform() + extension + " | " + info.replaceAll("\\s+", " ").trim();
    }

    private static Map<String, String> versions(RunSpec run) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("reprolab", version("org.reprolab", "reprolab"));
        versions.put("deeplearning4j", version("org.deeplearning4j", "deeplearning4j-nn"));
        versions.put("nd4j", version("org.nd4j", "nd4j-api"));
        versions.put("javacpp", version("org.bytedeco", "javacpp"));
        versions.put("openblas", version("org.bytedeco", "openblas"));
        // whose Adam step and ReLU backward ran (ours only when they match this build bit for bit)
        versions.put("kernels", KernelSelfCheck.forRun(run.spec().model().learningRate(),
                run.spec().execution().dataType()).describe());
        return versions;
    }

    private static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + " x" + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to the JVM's view
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }
}
