package reprolab.worker;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeBuildTest {

    private static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "bmi2");
    private static final Set<String> AVX512 = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "bmi2",
            "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd");
    private static final Set<String> OLD_CPU = Set.of("sse2", "sse4_2", "avx");

    @Test
    void cpuWithoutAvx2FallsBackToGenericOneDnnBuild() {
        assertEquals("-onednn", NativeBuild.choose(OLD_CPU, ext -> true));
    }

    @Test
    void avx512CpuGetsAvx512OneDnnBuildWhenShipped() {
        assertEquals("-onednn-avx512", NativeBuild.choose(AVX512, ext -> true));
    }

    @Test
    void buildsThatAreNotShippedAreNeverChosen() {
        assertEquals("-onednn", NativeBuild.choose(AVX512, ext -> ext.equals("-onednn")));
    }

    @Test
    void avx2CpuNeverGetsAnAvx512Build() {
        assertEquals("-onednn-avx2", NativeBuild.choose(AVX2, ext -> true));
        assertFalse(NativeBuild.supports(AVX2, "-avx512"));
    }

    @Test
    void nothingShippedMeansGenericBuild() {
        assertEquals("", NativeBuild.choose(AVX512, ext -> false));
    }

    @Test
    void flagsLineIsSplitIntoFlags() {
        Set<String> flags = NativeBuild.parseFlags("flags\t\t: fpu vme avx2 avx512f");
        assertTrue(flags.containsAll(Set.of("fpu", "vme", "avx2", "avx512f")));
        assertEquals(4, flags.size());
    }

    @Test
    void shippedBuildIsFoundOnTheClassPath() {
        assertTrue(NativeBuild.shipped("-onednn"), "pom.xml ships linux-x86_64-onednn");
        assertFalse(NativeBuild.shipped("-no-such-build"));
    }
}
