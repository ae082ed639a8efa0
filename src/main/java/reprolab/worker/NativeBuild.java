package reprolab.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses which libnd4j build this JVM loads, before ND4J loads it. JavaCPP picks the native
 * library from {@code bindings/<platform><extension>/}; the extension comes from the system property
 * {@value #EXTENSION_PROPERTY}, which JavaCPP reads once. We take the fastest shipped build whose
 * instruction set the CPU has (from {@code /proc/cpuinfo}), so a CPU without AVX2 never loads an
 * AVX2 library and dies with SIGILL. A value the user already set (e.g. {@code -D...=-onednn}) wins.
 * The choice changes what a run computes (initial weights differ between builds), so it is recorded
 * in provenance via {@link ProvenanceCollector#nativeBuild()}.
 */
public final class NativeBuild {

    /** The JavaCPP property that selects the native build, e.g. {@code -onednn-avx512}. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** Builds in order of preference: oneDNN first (the DL4J layer helpers need it), widest vectors first. */
    static final List<String> PREFERENCE = List.of("-onednn-avx512", "-onednn-avx2", "-onednn", "-avx512", "-avx2", "");

    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    private NativeBuild() {
    }

    /**
     * Sets {@value #EXTENSION_PROPERTY} to the best shipped build this CPU can run, unless it is
     * already set. Must run before the first ND4J class initialises; later calls change nothing.
     *
     * @return the extension in effect ("" for the generic build)
     */
    public static synchronized String select() {
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen != null) {
            return chosen;
        }
        chosen = choose(cpuFlags(), NativeBuild::shipped);
        System.setProperty(EXTENSION_PROPERTY, chosen);
        return chosen;
    }

    /** The first build in {@link #PREFERENCE} that is shipped and whose instructions the CPU has. */
    static String choose(Set<String> flags, java.util.function.Predicate<String> shipped) {
        for (String extension : PREFERENCE) {
            if (supports(flags, extension) && shipped.test(extension)) {
                return extension;
            }
        }
        return "";
    }

    /** Whether a CPU with these /proc/cpuinfo flags can execute the given build. */
    static boolean supports(Set<String> flags, String extension) {
        boolean avx2 = flags.containsAll(List.of("avx", "avx2", "fma", "f16c", "bmi2"));
        if (extension.endsWith("avx512")) {
            return avx2 && flags.containsAll(List.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"));
        }
        if (extension.endsWith("avx2")) {
            return avx2;
        }
        return true; // generic x86-64 builds; oneDNN itself dispatches on the CPU at run time
    }

    /** Whether the build's native library is on the class path (looks the resource up, extracts nothing). */
    static boolean shipped(String extension) {
        String resource = BINDINGS + platform() + extension + "/" + System.mapLibraryName("nd4jcpu");
        return NativeBuild.class.getClassLoader().getResource(resource) != null;
    }

    /** JavaCPP's platform name, computed without touching JavaCPP's Loader (which caches properties). */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
        return osName + "-" + archName;
    }

    /** The CPU's feature flags from /proc/cpuinfo; empty where that file does not exist. */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return parseFlags(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no flags, so only builds that need nothing special qualify
        }
        return Set.of();
    }

    /** The flags of one "flags : a b c" line. */
    static Set<String> parseFlags(String line) {
        String list = line.substring(line.indexOf(':') + 1).trim();
        return list.isEmpty() ? Set.of() : new HashSet<>(List.of(list.split("\\s+")));
    }
}
