package reprolab.run;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;
import reprolab.experiment.SpecException;
import reprolab.experiment.SpecJson;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real local cluster the Slurm tests run on (packaging/slurm/start-local-cluster.sh; CI starts
 * it with --nodes 2). Tests fail with this message, never skip, when it is not up.
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

    /** The cluster's node names (n1 and n2 on the two-node cluster CI starts, this machine's name on one node). */
    public static List<String> nodes() throws RunTargetException {
        return SlurmCommands.fromEnvironment().runOk("sinfo", List.of("-h", "-N", "-o", "%N")).lines()
                .map(String::strip).filter(n -> !n.isEmpty()).distinct().sorted().toList();
    }

    /** Fails the calling test with how to start them unless the cluster has {@code count} usable nodes; returns their names. */
    public static List<String> requireNodes(int count) throws RunTargetException {
        requireRunning();
        List<String> usable = SlurmPreflight.usableNodes(SlurmCommands.fromEnvironment()
                .runOk("sinfo", List.of("-h", "-N", "-o", "%N %t"))).stream().sorted().toList();
        assertTrue(usable.size() >= count, "this test needs " + count + " usable nodes, the cluster has " + usable
                + "; start them with: bash packaging/slurm/start-local-cluster.sh --nodes " + count);
        return usable;
    }

    /** Where start-local-cluster.sh keeps the daemons' state and pid files (root: /var/lib; a user: XDG state). */
    public static java.nio.file.Path stateDir() {
        if ("root".equals(System.getProperty("user.name"))) {
            return java.nio.file.Path.of("/var/lib/reprolab-slurm");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        return java.nio.file.Path.of(xdg != null ? xdg : System.getProperty("user.home") + "/.local/state", "reprolab-slurm");
    }

    /** Runs one of packaging/slurm's scripts (fail-node.sh, start-local-cluster.sh) and fails the test if it fails. */
    public static void script(String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("bash", "packaging/slurm/" + command[0]));
        argv.addAll(List.of(command).subList(1, command.length));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor() == 0, String.join(" ", argv) + ": " + out);
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
