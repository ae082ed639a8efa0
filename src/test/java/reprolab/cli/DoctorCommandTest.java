package reprolab.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reprolab.run.PythonWorker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reprolab doctor} names both engines and the Python that PyTorch runs use. */
class DoctorCommandTest {

    @AfterEach
    void forgetPython() {
        System.clearProperty(PythonWorker.PYTHON_PROPERTY);
    }

    @Test
    void findsDl4jAndTheSystemPythonWithTorch() {
        CliCapture result = CliCapture.run("doctor");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("engine dl4j: available. Java 17"), result.out());
        assertTrue(result.out().contains("torch 1.13"), result.out());
        assertTrue(result.out().contains("engine pytorch: available with " + PythonWorker.python()), result.out());
        // tests run from target/classes, a folder: no archive can be made of it, and doctor says why
        assertTrue(result.out().contains("worker class archive: not used: the classpath is not all jars"), result.out());
    }

    @Test
    void aNamedPythonWithoutTorchIsReportedAsNotAvailable() {
        System.setProperty(PythonWorker.PYTHON_PROPERTY, "/nonexistent/python3");
        CliCapture result = CliCapture.run("doctor");
        assertTrue(result.out().contains("/nonexistent/python3: cannot be run"), result.out());
        assertTrue(result.out().contains("engine pytorch: not available: /nonexistent/python3 (named by the app's "
                + "Python setting) cannot import torch"), result.out());
    }
}
