package reprolab.ablation;

import org.junit.jupiter.api.Test;
import reprolab.experiment.Backend;
import reprolab.experiment.Engine;
import reprolab.experiment.ExecutionSpec;
import reprolab.experiment.ExperimentSpec;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PyTorch factors are offered only for the pytorch engine, and on the CPU only the one that takes effect there. */
class PyTorchAblationFactorsTest {

    private static final ExecutionSpec PYTORCH_CPU = ExecutionSpec.defaults().withEngine(Engine.PYTORCH);
    private static final ExecutionSpec PYTORCH_CUDA = PYTORCH_CPU.withBackend(Backend.CUDA);

    @Test
    void dl4jIsOfferedNoPyTorchFactor() {
        List<AblationFactor> offered = AblationFactor.varyingFor(ExecutionSpec.defaults());
        assertEquals(AblationFactor.varying(), offered);
        assertFalse(offered.contains(AblationFactor.DETERMINISTIC_ALGORITHMS));
    }

    @Test
    void pytorchOnTheCpuGetsDeterministicAlgorithmsOnly() {
        List<AblationFactor> offered = AblationFactor.varyingFor(PYTORCH_CPU);
        assertTrue(offered.contains(AblationFactor.DETERMINISTIC_ALGORITHMS));
        assertFalse(offered.contains(AblationFactor.CUDNN_BENCHMARK));
        assertFalse(offered.contains(AblationFactor.DEVICE));
    }

    @Test
    void pytorchOnCudaGetsAllThree() {
        assertTrue(AblationFactor.varyingFor(PYTORCH_CUDA).containsAll(
                List.of(AblationFactor.DETERMINISTIC_ALGORITHMS, AblationFactor.CUDNN_BENCHMARK, AblationFactor.DEVICE)));
    }

    @Test
    void eachPyTorchGroupAlternatesExactlyItsSetting() {
        ExperimentSpec spec = ExperimentSpec.defaults().withExecution(PYTORCH_CUDA);
        AblationPlan plan = AblationPlanner.plan(spec, 2, List.of(AblationFactor.DETERMINISTIC_ALGORITHMS,
                AblationFactor.CUDNN_BENCHMARK, AblationFactor.DEVICE), 2, new Random(1));
        assertEquals(List.of(false, true), plan.groups().get(1).runs().stream()
                .map(r -> r.spec().execution().deterministicAlgorithms()).toList());
        assertEquals(List.of(false, true), plan.groups().get(2).runs().stream()
                .map(r -> r.spec().execution().cudnnBenchmark()).toList());
        assertEquals(List.of(Backend.CUDA, Backend.CPU), plan.groups().get(3).runs().stream()
                .map(r -> r.spec().execution().backend()).toList());
    }

    @Test
    void aPyTorchFactorAskedForADl4jExperimentIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AblationPlanner.plan(
                ExperimentSpec.defaults(), 2, List.of(AblationFactor.DETERMINISTIC_ALGORITHMS), 2, new Random(1)));
        assertTrue(e.getMessage().contains("'execution.deterministicAlgorithms' is a PyTorch setting"), e.getMessage());
    }

    @Test
    void parseKnowsThePyTorchFactorsByName() {
        assertEquals(List.of(AblationFactor.DEVICE, AblationFactor.CUDNN_BENCHMARK),
                AblationFactor.parse(List.of("device", "cudnnBenchmark")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AblationFactor.parse(List.of("x")));
        assertTrue(e.getMessage().contains("deterministicAlgorithms, cudnnBenchmark, device"), e.getMessage());
    }
}
