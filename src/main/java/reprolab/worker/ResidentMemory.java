package reprolab.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as the kernel counts it ({@code /proc/self/status}): the JVM heap,
 * libnd4j's off-heap arrays, oneDNN and OpenBLAS buffers and the allocator's kept pages together,
 * which no Java API sees. -1 where there is no {@code /proc} (not Linux).
 */
public final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {
    }

    /** Resident set size now, in MiB. */
    public static double currentMb() {
        return field("VmRSS:");
    }

    /** The largest resident set size this process has had, in MiB (the kernel's high-water mark). */
    public static double peakMb() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String kb = line.substring(name.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc or an unexpected format: reported as unknown
        }
        return -1;
    }
}
