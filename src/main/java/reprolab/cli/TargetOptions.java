package reprolab.cli;

import picocli.CommandLine.Option;
import reprolab.run.ExperimentRunner;
import reprolab.run.RunTarget;
import reprolab.run.SlurmCommands;
import reprolab.run.SlurmSettings;
import reprolab.run.SlurmTarget;
import reprolab.run.WorkerCommand;

import java.util.ArrayList;
import java.util.List;

/** {@code --on local|slurm} and the Slurm job settings of the commands that run experiments (run, check, ablate). */
final class TargetOptions {

    @Option(names = "--on", paramLabel = "TARGET", defaultValue = "local",
            description = "where the runs execute: local (this computer, default) or slurm (one job array; docs/cluster.md)")
    String on;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (default: the cluster's)")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account to charge (default: yours)")
    String account;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per run, e.g. 30:00 or 1-00:00:00")
    String time;

    @Option(names = "--slurm-arg", paramLabel = "ARG", description = "an sbatch argument passed as it is (repeatable), "
            + "e.g. --slurm-arg=--mem=4G --slurm-arg=--constraint=avx512")
    List<String> slurmArgs = new ArrayList<>();

    @Option(names = "--spread-nodes", description = "Slurm: give each repeat a whole node of its own (--exclusive), "
            + "as many at once as there are usable nodes and --parallel allows, to see whether every node gives the same bits")
    boolean spreadNodes;

    /** Whether the runs go to Slurm. */
    boolean slurm() {
        return "slurm".equals(on);
    }

    /**
     * The target the options name.
     *
     * @throws IllegalArgumentException for an unknown target or Slurm settings without {@code --on slurm}
     */
    RunTarget target() {
        if (!on.equals("local") && !on.equals("slurm")) {
            throw new IllegalArgumentException("--on is '" + on + "'; allowed: local, slurm");
        }
        WorkerCommand command = WorkerCommand.forCurrentJvm();
        if (!slurm()) {
            if (partition != null || account != null || time != null || !slurmArgs.isEmpty() || spreadNodes) {
                throw new IllegalArgumentException("--partition, --account, --time, --slurm-arg and --spread-nodes "
                        + "need --on slurm");
            }
            return new ExperimentRunner(command);
        }
        return new SlurmTarget(command, new SlurmSettings(partition, account, time, slurmArgs, spreadNodes),
                SlurmCommands.fromEnvironment());
    }
}
