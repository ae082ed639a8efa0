package reprolab.run;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real one-node cluster the Slurm tests run on (packaging/slurm/start-local-cluster.sh; CI starts
 * it). Tests fail with this message, never skip, when it is not up.
 */
public final class LocalSlurm {

    private LocalSlurm() {
    }

    /** Fails the calling test with how to start the cluster unless sinfo shows a usable node. */
    public static void requireRunning() throws RunTargetException {
        SlurmCommands commands = SlurmCommands.fromEnvironment();
        assertTrue(commands.unavailableReason().isEmpty(), "Slurm's client commands are not installed: "
                + "apt-get install munge slurmd slurmctld slurm-client");
        SlurmCommands.Result r = commands.run("sinfo", List.of("-h", "-o", "%T"));
        assertTrue(r.ok() && r.out().lines().anyMatch(s -> s.matches("idle|mixed|allocated")),
                "no local Slurm cluster is reachable (sinfo: " + r.out().strip() + r.err().strip()
                        + "); start it with: bash packaging/slurm/start-local-cluster.sh");
    }

    /** A Slurm target for the worker command of this JVM, with the cluster's defaults. */
    public static SlurmTarget target() {
        return new SlurmTarget(WorkerCommand.forCurrentJvm(), SlurmSettings.defaults(), SlurmCommands.fromEnvironment());
    }

    /** The tiny model on 200 digits, 4 updates per epoch. */
    public static ExperimentSpec tiny(int epochs) throws SpecException {
        return SpecJson.parse("{\"name\": \"slurm tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50, \"epochs\": " + epochs + "}}");
    }

    /** A run of {@code spec} with fixed seeds. */
    public static RunSpec run(String id, ExperimentSpec spec) {
        return new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, new ResolvedSeeds(1, 2, 3, 4));
    }
}
