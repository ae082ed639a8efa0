package reprolab.run;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe names the BLAS library torch's products use, and says when it is the slow reference one. */
class PythonProbeBlasTest {

    @Test
    void theProbeNamesTheBlasFileTorchLoaded() {
        PythonProbe probe = PythonProbe.of(PythonWorker.python());
        assertTrue(probe.hasTorch(), probe.describe());
        assertNotNull(probe.blas(), probe.describe());
        if (!probe.blas().equals("linked into torch")) {
            boolean reference = false;
            for (String file : probe.blas().split(", ")) {
                assertTrue(Files.isRegularFile(Path.of(file)), "a library file: " + file);
                reference |= Path.of(file).getParent().getFileName().toString().equals("blas");
            }
            assertEquals(reference, probe.referenceBlas(), probe.describe());
        }
        assertEquals(probe.referenceBlas(), probe.describe().contains(PythonProbe.REFERENCE_BLAS_ADVICE));
    }

    @Test
    void theReferenceBlasComesWithAdviceAndAnOptimisedOneWithout() {
        PythonProbe slow = new PythonProbe("python3", "3.11.2", "1.13.0", false, null, null,
                "/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0", true);
        PythonProbe fast = new PythonProbe("python3", "3.11.2", "1.13.0", false, null, null,
                "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3", false);
        assertTrue(slow.describe().contains("apt-get install libopenblas0-pthread"), slow.describe());
        assertTrue(fast.describe().endsWith("BLAS /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"), fast.describe());
        assertFalse(fast.describe().contains("reference"));
    }
}
