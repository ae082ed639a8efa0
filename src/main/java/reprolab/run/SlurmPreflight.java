package reprolab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is checked before an experiment goes to Slurm: sbatch is there, the controller answers, the
 * partition exists, and the experiment folder is one the nodes can see, since every task appends
 * to it. A folder on a local disk is fine only when every node of the partition is this computer.
 */
final class SlurmPreflight {

    /** System property naming this computer for the shared-folder check (tests pose as a login node). */
    static final String LOCAL_HOST_PROPERTY = "reprolab.slurm.localHost";
    private static final Set<String> SHARED_TYPES = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "lustre", "gpfs",
            "beegfs", "ceph", "fuse.ceph", "cephfs", "glusterfs", "fuse.glusterfs", "panfs", "wekafs", "orangefs",
            "pvfs2", "fuse.sshfs", "afs", "9p", "virtiofs", "fuse.juicefs", "fuse.s3fs", "xtreemfs");

    private SlurmPreflight() {
    }

    /** The partitions' node names, after checking sbatch, the controller and the partition. */
    static List<String> check(SlurmCommands commands, SlurmSettings settings, Path storeRoot) throws RunTargetException {
        if (commands.unavailableReason().isPresent()) {
            throw new RunTargetException(commands.unavailableReason().get());
        }
        SlurmCommands.Result parts = commands.run("sinfo", List.of("-h", "-o", "%R"));
        if (!parts.ok()) {
            throw new RunTargetException("the Slurm controller did not answer (sinfo: "
                    + SlurmCommands.firstLines(parts.err()) + "); is slurmctld running?");
        }
        Set<String> partitions = new TreeSet<>(parts.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (settings.partition() != null && !partitions.contains(settings.partition())) {
            throw new RunTargetException("--partition " + settings.partition() + " is not a partition of this cluster;"
                    + " allowed: " + String.join(", ", partitions));
        }
        List<String> args = new java.util.ArrayList<>(List.of("-h", "-N", "-o", "%N %n"));
        if (settings.partition() != null) {
            args.addAll(List.of("-p", settings.partition()));
        }
        List<String[]> lines = commands.runOk("sinfo", args).lines().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\s+")).distinct().toList();
        List<String> nodes = lines.stream().map(f -> f[0]).distinct().toList();
        // a node's host (NodeHostname) is what says where it runs: several slurmd may share one machine
        List<String> hosts = lines.stream().map(f -> f.length > 1 ? f[1] : f[0]).distinct().toList();
        checkShared(storeRoot, hosts);
        return nodes;
    }

    /**
     * Lets Slurm judge the options without submitting anything ({@code sbatch --test-only}): an
     * unknown account, a bad time limit or extra argument is refused before the folder exists.
     */
    static void testOptions(SlurmCommands commands, SlurmSettings settings) throws RunTargetException {
        List<String> args = new java.util.ArrayList<>(List.of("--test-only", "--no-requeue"));
        args.addAll(settings.sbatchOptions());
        args.add("--wrap=true");
        SlurmCommands.Result r = commands.run("sbatch", args);
        if (!r.ok()) {
            throw new RunTargetException("Slurm refused the job: " + SlurmCommands.firstLines(r.err()));
        }
    }

    /**
     * How many tasks run at once with {@code --spread-nodes}: one whole node each, so at most the
     * usable nodes (idle, mixed or allocated; down, drained and failed ones do not count), and at
     * most what {@code --parallel} allows.
     *
     * @throws RunTargetException when no node of the partition is usable
     */
    static int spreadAtOnce(SlurmCommands commands, SlurmSettings settings, List<String> nodes, int atOnce)
            throws RunTargetException {
        List<String> args = new java.util.ArrayList<>(List.of("-h", "-N", "-o", "%N %t"));
        if (settings.partition() != null) {
            args.addAll(List.of("-p", settings.partition()));
        }
        List<String> usable = usableNodes(commands.runOk("sinfo", args));
        if (usable.isEmpty()) {
            throw new RunTargetException("--spread-nodes needs a usable node, and every node of the partition ("
                    + String.join(", ", nodes) + ") is down, drained or failed (sinfo)");
        }
        return Math.min(atOnce, usable.size());
    }

    /** The nodes that can take a task, from sinfo's "NAME STATE" lines (a trailing * marks a node not responding). */
    static List<String> usableNodes(String sinfo) {
        return sinfo.lines().map(String::strip).map(l -> l.split("\\s+")).filter(f -> f.length == 2)
                .filter(f -> f[1].matches("(idle|mix|mixed|alloc|allocated|comp|completing)"))
                .map(f -> f[0]).distinct().toList();
    }

    /** Refuses a local-disk folder unless every node's host is this computer. */
    static void checkShared(Path storeRoot, List<String> nodes) throws RunTargetException {
        String me = localHost();
        if (nodes.stream().allMatch(n -> n.equalsIgnoreCase(me) || n.equalsIgnoreCase("localhost"))) {
            return; // the only node is this computer: it sees every folder we see
        }
        String type = filesystemType(storeRoot);
        if (type != null && !SHARED_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            throw new RunTargetException("the experiment folder " + storeRoot.toAbsolutePath() + " is on a local "
                    + type + " filesystem of " + me + ", which the nodes " + String.join(", ", nodes)
                    + " cannot see; give --out a folder on a filesystem every node shares (NFS, Lustre, GPFS, BeeGFS,"
                    + " CephFS), e.g. your home or project directory");
        }
    }

    /** This computer's short host name. */
    static String localHost() {
        String override = System.getProperty(LOCAL_HOST_PROPERTY);
        if (override != null) {
            return override;
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip().split("\\.")[0];
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "localhost" : env.split("\\.")[0];
        }
    }

    /** The type of the filesystem holding {@code path} (the longest mount point above it), or null. */
    static String filesystemType(Path path) {
        Path target = existingAncestor(path.toAbsolutePath().normalize());
        try {
            String best = null;
            int bestLength = -1;
            for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                String[] f = line.split(" ");
                if (f.length < 3) {
                    continue;
                }
                String mount = f[1].replace("\\040", " ");
                if (target.startsWith(Path.of(mount)) && mount.length() > bestLength) {
                    best = f[2];
                    bestLength = mount.length();
                }
            }
            return best;
        } catch (IOException e) {
            return null; // not Linux: nothing to tell, the tasks' own check remains
        }
    }

    private static Path existingAncestor(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path : p;
    }

}
