package reprolab.run;

import reprolab.events.FailedEvent;
import reprolab.events.FailureCause;

import java.nio.file.Path;

/** The failed event of a Slurm task that ended without its worker's last word, from Slurm's state. */
final class SlurmFailures {

    private SlurmFailures() {
    }

    /**
     * @param task what Slurm remembers of the task, or null when it no longer knows it
     * @param exit the exit code the task's script left, or null
     */
    static FailedEvent failedEvent(FollowedRun run, SlurmQueue.Task task, Integer exit, Path folder) {
        int last = run.history().lastIteration();
        String when = last >= 0 ? " after iteration " + last : " before training began";
        String node = run.nodeMarker() != null ? run.nodeMarker() : task != null ? task.node() : null;
        String on = node == null || node.isEmpty() ? "" : " on node " + node;
        String state = task == null ? "" : task.state();
        if (run.cancelRequested) {
            return new FailedEvent("cancelled" + when + " (Slurm: CANCELLED" + on + ")", last, FailureCause.CANCELLED);
        }
        if (exit != null && exit == SlurmBatchScript.EXIT_FOLDER_NOT_VISIBLE || exitCode(task) == 97) {
            return new FailedEvent("node" + (node == null ? "" : " " + node) + " cannot see the experiment folder "
                    + folder + "; it must be on a filesystem that every node shares", last, FailureCause.ERROR);
        }
        FailureCause cause = switch (state) {
            case "TIMEOUT", "DEADLINE" -> FailureCause.TIMEOUT;
            case "OUT_OF_MEMORY" -> FailureCause.OUT_OF_MEMORY;
            default -> FailureCause.CRASHED;
        };
        String reason = switch (state) {
            case "TIMEOUT" -> "Slurm stopped the task at its time limit (TIMEOUT" + on + ")" + when
                    + "; ask for more with --time";
            case "OUT_OF_MEMORY" -> "Slurm killed the task for using more memory than it was given (OUT_OF_MEMORY"
                    + on + ")" + when + "; ask for more with --slurm-arg=--mem=...";
            case "NODE_FAIL" -> "the node failed (NODE_FAIL" + on + ")" + when;
            // not through ReproLab: scancel by hand (any --signal), an administrator, a preemption
            case "CANCELLED" -> "the task was cancelled or killed outside ReproLab (Slurm: CANCELLED" + on + ", exit "
                    + (task.exitCode() == null ? "unknown" : task.exitCode()) + (exit == null ? "" : ", worker exit " + exit)
                    + ")" + when + " without finishing";
            case "" -> "the task" + (exit != null ? " exited with code " + exit : " is no longer known to Slurm")
                    + on + when + " without finishing";
            default -> "the task ended as " + state + on + " (exit " + exitText(task, exit) + ")" + when
                    + " without finishing";
        };
        if (task != null && !state.isEmpty() && exit == null && run.history().started() == null
                && run.stderrTail().isEmpty()) {
            reason += "; it left nothing in the experiment folder, so its node may not see " + folder;
        }
        return new FailedEvent(ExitReasons.withTail(reason, run.stderrTail()), last, cause);
    }

    private static String exitText(SlurmQueue.Task task, Integer exit) {
        int signal = signal(task);
        if (signal > 0) {
            return "killed with signal " + signal + (signal == 9 ? " (KILL)" : signal == 15 ? " (TERM)" : "");
        }
        return "code " + (exit != null ? exit : Math.max(0, exitCode(task)));
    }

    /** "code:signal" as Slurm prints ExitCode. */
    private static int exitCode(SlurmQueue.Task task) {
        return part(task, 0);
    }

    private static int signal(SlurmQueue.Task task) {
        return part(task, 1);
    }

    private static int part(SlurmQueue.Task task, int i) {
        if (task == null || task.exitCode() == null) {
            return -1;
        }
        String[] parts = task.exitCode().split(":");
        try {
            return parts.length > i ? Integer.parseInt(parts[i].strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
