package reprolab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reprolab.events.RunHistory;
import reprolab.run.ExperimentFolder;
import reprolab.run.ExperimentStore;
import reprolab.run.LocalSlurm;
import reprolab.run.SlurmCommands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --on slurm} from the command line, on the real local cluster. */
class SlurmCliTest {

    @TempDir
    static Path dir;
    private static Path spec;

    @BeforeAll
    static void clusterIsUp() throws Exception {
        LocalSlurm.requireRunning();
        spec = dir.resolve("tiny.json");
        Files.writeString(spec, "{\"name\": \"cli tiny\", \"data\": {\"trainSize\": 200, \"validationSize\": 50},"
                + " \"model\": {\"name\": \"tiny\", \"batchSize\": 50}}");
    }

    @Test
    void threeRepeatsOnSlurmAreIdenticalAndHashLikeALocalRun() throws Exception {
        CliCapture slurm = CliCapture.run("check", spec.toString(), "--repeats", "3", "--on", "slurm",
                "--out", dir.resolve("slurm").toString());
        assertEquals(Main.EXIT_OK, slurm.exit(), slurm.out() + slurm.err());
        assertTrue(slurm.err().contains("on Slurm"), slurm.err());
        CliCapture local = CliCapture.run("run", spec.toString(), "--repeats", "1", "--out", dir.resolve("local").toString());
        assertEquals(Main.EXIT_OK, local.exit(), local.out() + local.err());
        List<RunHistory> onSlurm = only(dir.resolve("slurm")).loadRuns();
        String localHash = only(dir.resolve("local")).loadRuns().get(0).finished().finalHash();
        assertEquals(3, onSlurm.size());
        for (RunHistory run : onSlurm) {
            assertEquals(localHash, run.finished().finalHash(), run.runId());
            String host = run.started().provenance().environment().get("hostname");
            assertTrue(LocalSlurm.nodes().contains(host), "the host is the task's node (SLURMD_NODENAME): " + host);
        }
    }

    @Test
    void spreadNodesRunsOneRepeatPerNodeAndTheVerdictNamesBothNodes() throws Exception {
        List<String> nodes = LocalSlurm.requireNodes(2);
        CliCapture r = CliCapture.run("run", spec.toString(), "--repeats", "2", "--on", "slurm", "--spread-nodes",
                "--out", dir.resolve("spread").toString());
        assertEquals(Main.EXIT_OK, r.exit(), r.out() + r.err());
        List<String> hosts = only(dir.resolve("spread")).loadRuns().stream()
                .map(run -> run.started().provenance().environment().get("hostname")).sorted().toList();
        assertEquals(nodes.subList(0, 2), hosts, "one repeat on each node");
        assertTrue(r.out().contains(nodes.get(0)) && r.out().contains(nodes.get(1)), "the verdict names both nodes: " + r.out());
    }

    @Test
    void missingSbatchIsAUsageErrorThatSaysSo() {
        System.setProperty(SlurmCommands.PATH_PROPERTY, dir.resolve("no-slurm-here").toString());
        try {
            CliCapture r = CliCapture.run("run", spec.toString(), "--on", "slurm", "--out", dir.resolve("none1").toString());
            assertUsageError(r, "sbatch is not on the PATH");
        } finally {
            System.clearProperty(SlurmCommands.PATH_PROPERTY);
        }
        assertFalse(Files.exists(dir.resolve("none1")), "nothing is stored for a refused run");
    }

    @Test
    void unknownPartitionIsAUsageErrorNamingTheRealOnes() {
        CliCapture r = CliCapture.run("check", spec.toString(), "--repeats", "2", "--on", "slurm", "--partition", "gpu-nope",
                "--out", dir.resolve("none2").toString());
        assertUsageError(r, "--partition gpu-nope is not a partition of this cluster; allowed: debug");
        assertFalse(Files.exists(dir.resolve("none2")));
    }

    @Test
    void aFolderTheNodesCannotSeeIsAUsageError() {
        // pose as a login node: the cluster's one node is then another machine, and /tmp is a local disk
        System.setProperty("reprolab.slurm.localHost", "login-node");
        try {
            CliCapture r = CliCapture.run("ablate", spec.toString(), "--repeats", "2", "--factors", "dropout",
                    "--on", "slurm", "--out", dir.resolve("none3").toString());
            assertUsageError(r, "cannot see; give --out a folder on a filesystem every node shares");
        } finally {
            System.clearProperty("reprolab.slurm.localHost");
        }
    }

    @Test
    void slurmSettingsWithoutOnSlurmAreAUsageError() {
        assertUsageError(CliCapture.run("run", spec.toString(), "--partition", "debug", "--out", dir.toString()),
                "need --on slurm");
        assertUsageError(CliCapture.run("run", spec.toString(), "--on", "pbs", "--out", dir.toString()),
                "--on is 'pbs'; allowed: local, slurm");
    }

    private static void assertUsageError(CliCapture r, String message) {
        assertEquals(Main.EXIT_USAGE, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.errLines(), "one line on stderr: " + r.err());
    }

    private static ExperimentFolder only(Path store) throws IOException {
        try (Stream<Path> folders = Files.list(store)) {
            return new ExperimentStore(store).open(folders.filter(Files::isDirectory).findFirst().orElseThrow());
        } catch (reprolab.run.StoreException e) {
            throw new IOException(e);
        }
    }
}
