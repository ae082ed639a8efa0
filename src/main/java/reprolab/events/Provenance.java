package reprolab.events;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that can make two runs of the same spec differ, recorded when a run starts.
 *
 * @param specHash        SHA-256 of the experiment spec
 * @param spec            the spec as the worker read it
 * @param seeds           the seeds actually used (drawn ones included)
 * @param environment     the environment variables that steer native code (OMP_NUM_THREADS, SD_*, ...)
 * @param backend         ND4J backend class in use, e.g. CpuBackend
 * @param nativeBuild     libnd4j build and its platform helpers (e.g. "linux-x86_64-onednn-avx512")
 * @param helpersActive   whether vendor kernels (oneDNN / cuDNN) were allowed in this run
 * @param device          CPU model or GPU name
 * @param os              operating system and architecture
 * @param java            Java runtime version and vendor
 * @param versions        library versions (DL4J, ND4J, JavaCPP, ReproLab)
 * @param layers          names of the parameter layers in forward order
 * @param totalIterations updates the run will do if it is not stopped early
 * @param dataChecksums   SHA-256 (hex) of each data file the run read, by path as read: the spec hash
 *                        covers the path, not the content (empty for synthetic data and for
 *                        event format 1, which did not record it)
 * @param cpuFlags        the CPU's feature flags (Linux {@code /proc/cpuinfo}), which decide the
 *                        vector kernels native code picks; empty where unknown
 */
public record Provenance(
        String specHash,
        ExperimentSpec spec,
        ResolvedSeeds seeds,
        Map<String, String> environment,
        String backend,
        String nativeBuild,
        boolean helpersActive,
        String device,
        String os,
        String java,
        Map<String, String> versions,
        List<String> layers,
        int totalIterations,
        Map<String, String> dataChecksums,
        String cpuFlags) {

    public Provenance {
        // sorted: the line's key order must not vary from one JVM to the next
        dataChecksums = Collections.unmodifiableMap(
                dataChecksums == null ? new TreeMap<>() : new TreeMap<>(dataChecksums));
        cpuFlags = cpuFlags == null ? "" : cpuFlags;
    }

    /** Provenance as event format 1 recorded it: no data checksums, no CPU flags. */
    public Provenance(String specHash, ExperimentSpec spec, ResolvedSeeds seeds, Map<String, String> environment,
                      String backend, String nativeBuild, boolean helpersActive, String device, String os,
                      String java, Map<String, String> versions, List<String> layers, int totalIterations) {
        this(specHash, spec, seeds, environment, backend, nativeBuild, helpersActive, device, os, java, versions,
                layers, totalIterations, Map.of(), "");
    }
}
