package reprolab.run;

import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The batch script of an experiment's job arrays. Task {@code i} runs the i-th run with exactly the
 * worker command and native environment a local run gets ({@link WorkerCommand#processFor}), minus
 * the launcher watch (neither DL4J's {@code -Dreprolab.launcherPid} nor Python's {@code --launcher-pid}:
 * a task must not care whether the submitting app is still open), with stdout appended to
 * {@code runs/<id>.jsonl} and stderr to {@code <id>.stderr.log}; it then leaves its exit code in
 * {@code <id>.exit}, which is how its end is known when the cluster keeps no accounting. A node that
 * cannot see the folder says so and exits.
 *
 * <p>The worker's memory limits are computed on the node the task lands on (the same formula as
 * {@link WorkerMemory#plan} for one run), from the memory Slurm gave the task ({@code --mem},
 * {@code --mem-per-cpu}) or else the node's memory shared by CPUs, never from the login node's.
 *
 * <p>Jobs are submitted with {@code --no-requeue}; should a task still be started a second time
 * (an administrator's {@code scontrol requeue}), it refuses to append a second attempt to the log.
 */
final class SlurmBatchScript {

    /** Exit code of a task whose node cannot see the experiment folder. */
    static final int EXIT_FOLDER_NOT_VISIBLE = 97;
    /** Exit code of a task started again after a requeue: its run's log already holds the first attempt. */
    static final int EXIT_REQUEUED = 96;
    private static final String MAX_BYTES = "-Dorg.bytedeco.javacpp.maxbytes=";
    private static final String MAX_PHYSICAL = "-Dorg.bytedeco.javacpp.maxphysicalbytes=";

    private SlurmBatchScript() {
    }

    /** The script text; writes each run's spec and argument files into {@code runs/} on the way. */
    static String write(WorkerCommand command, ExperimentFolder folder, List<RunSpec> runs) throws IOException {
        Path runsDir = folder.runsDir().toAbsolutePath();
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# Written by ReproLab: one array task per run of ").append(folder.path().getFileName()).append('\n');
        s.append("runs=").append(quote(runsDir.toString())).append('\n');
        s.append("if ! cd \"$runs\" 2>/dev/null; then\n");
        s.append("  echo \"reprolab: node ${SLURMD_NODENAME:-$(hostname)} cannot see the experiment folder $runs; it must be on a "
                + "filesystem that every node shares (NFS, Lustre, GPFS, BeeGFS, CephFS)\" >&2\n");
        s.append("  exit ").append(EXIT_FOLDER_NOT_VISIBLE).append("\nfi\n");
        s.append(NODE_MEMORY);
        s.append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (int i = 0; i < runs.size(); i++) {
            // the memory given here is a placeholder: the JVM options are replaced by the node's own
            appendTask(s, i, command.processFor(runs.get(i), runsDir, WorkerMemory.plan(8L << 30, 1)),
                    runs.get(i).runId());
        }
        s.append("*) echo \"reprolab: no run for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 98 ;;\nesac\n");
        s.append("if [ \"${SLURM_RESTART_COUNT:-0}\" -gt 0 ]; then\n");
        s.append("  echo \"reprolab: Slurm started this task again (restart ${SLURM_RESTART_COUNT}); its run's log "
                + "already holds the first attempt, so this one does not run\" >> \"$id.stderr.log\"\n");
        s.append("  exit ").append(EXIT_REQUEUED).append("\nfi\n");
        // the node's Slurm name: several slurmd on one machine share one hostname
        s.append("echo \"$SLURM_ARRAY_JOB_ID $SLURM_ARRAY_TASK_ID ${SLURMD_NODENAME:-$(hostname)}\" > \"$id.node\"\n");
        s.append("\"$@\" >> \"$id.jsonl\" 2>> \"$id.stderr.log\"\n");
        s.append("code=$?\necho \"$code\" > \"$id.exit\"\nexit \"$code\"\n");
        return s.toString();
    }

    private static void appendTask(StringBuilder s, int index, ProcessBuilder worker, String runId) {
        s.append(index).append(") id=").append(quote(runId)).append('\n');
        Map<String, String> env = worker.environment();
        Map<String, String> inherited = System.getenv();
        // only what the launcher changed: the rest of the environment comes from sbatch's --export=ALL
        for (String name : new TreeSet<>(env.keySet())) {
            if (!Objects.equals(env.get(name), inherited.get(name))) {
                s.append("   export ").append(name).append('=').append(quote(env.get(name))).append('\n');
            }
        }
        for (String name : new TreeSet<>(inherited.keySet())) {
            if (!env.containsKey(name) && name.matches("[A-Za-z_][A-Za-z0-9_]*")) { // exported functions are not names
                s.append("   unset ").append(name).append('\n');
            }
        }
        s.append("   set --");
        List<String> argv = worker.command();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals(PythonWorker.LAUNCHER_PID_ARG)) {
                i++; // and its value
            } else if (!arg.startsWith(WorkerCommand.LAUNCHER_PID_OPTION)) {
                s.append(" \\\n     ").append(nodeMemory(arg));
            }
        }
        s.append("\n   ;;\n");
    }

    /**
     * Computes {@code heap}, {@code offheap} and {@code physical} (bytes) on the node, as
     * WorkerMemory.plan(memory, 1) does: from what Slurm gave the task, else from the node's memory in
     * proportion to the CPUs the task has; the quarter (at least 1 GiB) left to the system comes off
     * the node's memory first, and no worker gets more than 8 GiB.
     */
    static final String NODE_MEMORY = """
            gib=1073741824
            node_bytes=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) * 1024 ))
            reserve=$(( node_bytes / 4 > gib ? node_bytes / 4 : gib ))
            if [ -n "${SLURM_MEM_PER_NODE:-}" ]; then
              share=$(( SLURM_MEM_PER_NODE * 1048576 * 9 / 10 ))
            elif [ -n "${SLURM_MEM_PER_CPU:-}" ]; then
              share=$(( SLURM_MEM_PER_CPU * ${SLURM_CPUS_PER_TASK:-1} * 1048576 * 9 / 10 ))
            else
              share=$(( (node_bytes - reserve) * ${SLURM_CPUS_PER_TASK:-1} / $(nproc --all) ))
            fi
            share=$(( share > 8 * gib ? 8 * gib : share ))
            heap=$(( share / 3 > 268435456 ? share / 3 : 268435456 ))
            offheap=$(( share / 2 ))
            physical=$share
            """;

    /** A JVM memory option becomes the node's value; every other word is quoted as it is. */
    private static String nodeMemory(String arg) {
        if (arg.startsWith("-Xmx")) {
            return "\"-Xmx$(( heap / 1048576 ))m\"";
        }
        if (arg.startsWith(MAX_BYTES)) {
            return "\"" + MAX_BYTES + "$offheap\"";
        }
        if (arg.startsWith(MAX_PHYSICAL)) {
            return "\"" + MAX_PHYSICAL + "$physical\"";
        }
        return quote(arg);
    }

    /** A shell word in single quotes: nothing inside is expanded. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
