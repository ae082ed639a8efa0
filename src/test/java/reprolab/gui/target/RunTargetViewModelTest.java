package reprolab.gui.target;

import org.junit.jupiter.api.Test;
import reprolab.run.ExperimentRunner;
import reprolab.run.RunTarget;
import reprolab.run.SlurmCommands;
import reprolab.run.SlurmTarget;
import reprolab.run.WorkerCommand;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTargetViewModelTest {

    private final RunTarget local = new ExperimentRunner(WorkerCommand.forCurrentJvm());

    @Test
    void withoutSbatchSlurmIsDisabledWithTheReasonAndRunsStayLocal() {
        RunTargetViewModel vm = new RunTargetViewModel(SlurmCommands.onPath("/nonexistent"), WorkerCommand.forCurrentJvm());
        assertFalse(vm.slurmAvailableProperty().get());
        assertTrue(vm.unavailableReasonProperty().get().contains("sbatch is not on the PATH"));
        vm.choiceProperty().set(RunTargetViewModel.Choice.SLURM);
        assertSame(local, vm.target(local));
    }

    @Test
    void choosingSlurmSubmitsWithTheFormsSettings() {
        RunTargetViewModel vm = new RunTargetViewModel(SlurmCommands.onPath(System.getenv("PATH")),
                WorkerCommand.forCurrentJvm());
        assertTrue(vm.slurmAvailableProperty().get(), "sbatch is installed on this machine (.ci/run)");
        assertSame(local, vm.target(local), "this computer is the default");
        vm.choiceProperty().set(RunTargetViewModel.Choice.SLURM);
        vm.partitionProperty().set(" debug ");
        vm.timeProperty().set("5:00");
        vm.sbatchArgsProperty().set("--mem=1G   --qos=normal");
        vm.spreadNodesProperty().set(true);
        SlurmTarget slurm = assertInstanceOf(SlurmTarget.class, vm.target(local));
        assertEquals("debug", slurm.settings().partition());
        assertEquals("5:00", slurm.settings().time());
        assertEquals(null, slurm.settings().account());
        assertEquals(List.of("--mem=1G", "--qos=normal"), slurm.settings().extraArgs());
        assertTrue(slurm.settings().spreadNodes());
        vm.choiceProperty().set(RunTargetViewModel.Choice.LOCAL);
        assertSame(local, vm.target(local));
    }

    @Test
    void extraSbatchArgumentsSplitAsAShellSplitsThemAndAnUnclosedQuoteRefusesTheRun() {
        RunTargetViewModel vm = new RunTargetViewModel(SlurmCommands.onPath(System.getenv("PATH")),
                WorkerCommand.forCurrentJvm());
        vm.choiceProperty().set(RunTargetViewModel.Choice.SLURM);
        vm.sbatchArgsProperty().set("--comment=\"seed sweep\" --constraint='avx2|avx512'");
        SlurmTarget slurm = assertInstanceOf(SlurmTarget.class, vm.target(local));
        assertEquals(List.of("--comment=seed sweep", "--constraint=avx2|avx512"), slurm.settings().extraArgs());
        vm.sbatchArgsProperty().set("--comment=\"seed sweep");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> vm.target(local));
        assertTrue(e.getMessage().startsWith("the extra sbatch arguments cannot be split: unclosed \""), e.getMessage());
    }
}
