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

/** The PyTorch factors are offered only for the pytorch engine on cuda, the only place they take effect. */
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
    void pytorchOnTheCpuGetsNoneOfThem() {
        // on the CPU deterministic algorithms gave the same bits on and off (seed-cnn and tiny, measured)
        assertEquals(AblationFactor.varying(), AblationFactor.varyingFor(PYTORCH_CPU));
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
    void theCpuRunsOfTheDeviceGroupLeaveTheGpuOnlySwitchesOff() {
        ExperimentSpec spec = ExperimentSpec.defaults().withExecution(
                PYTORCH_CUDA.withDeterministicAlgorithms(true).withCudnnBenchmark(true));
        AblationPlan plan = AblationPlanner.plan(spec, 2, List.of(AblationFactor.DEVICE), 2, new Random(1));
        ExecutionSpec cpu = plan.groups().get(1).runs().get(1).spec().execution();
        assertEquals(Backend.CPU, cpu.backend());
        assertFalse(cpu.deterministicAlgorithms());
        assertFalse(cpu.cudnnBenchmark());
    }

    @Test
    void deterministicAlgorithmsOnTheCpuIsRefusedAsDoingNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AblationPlanner.plan(
                ExperimentSpec.defaults().withExecution(PYTORCH_CPU), 2,
                List.of(AblationFactor.DETERMINISTIC_ALGORITHMS), 2, new Random(1)));
        assertTrue(e.getMessage().contains("only takes effect with execution.backend 'cuda'"), e.getMessage());
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
