package reprolab.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code execution.threadInvariant}: read, written, hashed and validated. */
class ThreadInvariantSettingTest {

    private static final String OLD_FILE = "{\"execution\": {\"threads\": 2, \"helpers\": true, \"dataType\": \"float\","
            + " \"backend\": \"cpu\"}}";

    @Test
    void aFileWithoutItReadsAsOffAndIsWrittenAndHashedAsBefore() throws Exception {
        ExperimentSpec old = SpecJson.parse(OLD_FILE);
        assertFalse(old.execution().threadInvariant());
        assertFalse(SpecJson.write(old).contains("threadInvariant"), "left out at its default");
        assertEquals(false, SpecJson.toTree(old).get("execution").get("threadInvariant").booleanValue());
        ExperimentSpec on = old.withExecution(old.execution().withThreadInvariant(true));
        assertTrue(SpecJson.write(on).contains("\"threadInvariant\" : true"));
        assertEquals(on, SpecJson.parse(SpecJson.write(on)));
        assertFalse(SpecJson.hash(old).equals(SpecJson.hash(on)), "the setting is part of what a run is");
    }

    @Test
    void nativeCodeGetsOneThreadOnlyUnderTheSetting() {
        assertEquals(2, ExecutionSpec.defaults().withThreads(2).nativeThreads());
        assertEquals(1, ExecutionSpec.defaults().withThreads(2).withThreadInvariant(true).nativeThreads());
        assertEquals(2, ExecutionSpec.defaults().withThreads(2).withThreadInvariant(true).threads());
    }

    @Test
    void pytorchAndCudaAreRefusedWithTheReason() throws Exception {
        ExperimentSpec base = SpecJson.parse(OLD_FILE);
        ExecutionSpec on = base.execution().withThreadInvariant(true);
        assertEquals(List.of(), SpecValidator.validate(base.withExecution(on)));
        List<String> pytorch = SpecValidator.validate(base.withExecution(on.withEngine(Engine.PYTORCH)));
        assertTrue(pytorch.stream().anyMatch(p -> p.contains("execution.threadInvariant") && p.contains("pytorch")),
                pytorch.toString());
        List<String> cuda = SpecValidator.validate(base.withExecution(on.withBackend(Backend.CUDA)));
        assertTrue(cuda.stream().anyMatch(p -> p.contains("execution.threadInvariant") && p.contains("cuda")),
                cuda.toString());
    }
}
