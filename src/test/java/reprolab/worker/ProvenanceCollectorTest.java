package reprolab.worker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProvenanceCollectorTest {

    @TempDir
    Path dir;

    @Test
    void cpuFlagsAreTheFirstFlagsLineOfCpuinfo() throws Exception {
        Path x86 = Files.writeString(dir.resolve("x86"), "processor\t: 0\nmodel name\t: Test CPU\n"
                + "flags\t\t: fpu sse2 avx2 fma\n\nprocessor\t: 1\nflags\t\t: other\n");
        assertEquals("fpu sse2 avx2 fma", ProvenanceCollector.cpuFlags(x86));
        Path arm = Files.writeString(dir.resolve("arm"), "processor\t: 0\nFeatures\t: fp asimd crc32\n");
        assertEquals("fp asimd crc32", ProvenanceCollector.cpuFlags(arm));
        assertEquals("", ProvenanceCollector.cpuFlags(dir.resolve("missing")));
    }
}
