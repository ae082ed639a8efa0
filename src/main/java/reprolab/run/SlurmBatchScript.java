package reprolab.run;

import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The batch script of an experiment's job array. Task {@code i} runs the i-th run with exactly the
 * worker command and native environment a local run gets ({@link WorkerCommand#processFor}), minus
 * the launcher watch, with stdout appended to {@code runs/<id>.jsonl} and stderr to
 * {@code <id>.stderr.log}; it then leaves its exit code in {@code <id>.exit}, which is how its end is
 * known when the cluster keeps no accounting. A node that cannot see the folder says so and exits.
 */
final class SlurmBatchScript {

    /** Exit code of a task whose node cannot see the experiment folder. */
    static final int EXIT_FOLDER_NOT_VISIBLE = 97;

    private SlurmBatchScript() {
    }

    /** The script text; writes each run's spec and argument files into {@code runs/} on the way. */
    static String write(WorkerCommand command, ExperimentFolder folder, List<RunSpec> runs, WorkerMemory memory)
            throws IOException {
        Path runsDir = folder.runsDir().toAbsolutePath();
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# Written by ReproLab: one array task per run of ").append(folder.path().getFileName()).append('\n');
        s.append("runs=").append(quote(runsDir.toString())).append('\n');
        s.append("if ! cd \"$runs\" 2>/dev/null; then\n");
        s.append("  echo \"reprolab: node $(hostname) cannot see the experiment folder $runs; it must be on a "
                + "filesystem that every node shares (NFS, Lustre, GPFS, BeeGFS, CephFS)\" >&2\n");
        s.append("  exit ").append(EXIT_FOLDER_NOT_VISIBLE).append("\nfi\n");
        s.append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (int i = 0; i < runs.size(); i++) {
            appendTask(s, i, command.processFor(runs.get(i), runsDir, memory), runs.get(i).runId());
        }
        s.append("*) echo \"reprolab: no run for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 98 ;;\nesac\n");
        s.append("echo \"$SLURM_ARRAY_JOB_ID $SLURM_ARRAY_TASK_ID $(hostname)\" > \"$id.node\"\n");
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
        for (String arg : worker.command()) {
            if (!arg.startsWith(WorkerCommand.LAUNCHER_PID_OPTION)) {
                s.append(" \\\n     ").append(quote(arg));
            }
        }
        s.append("\n   ;;\n");
    }

    /** A shell word in single quotes: nothing inside is expanded. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
