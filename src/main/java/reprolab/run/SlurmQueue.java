package reprolab.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of an array job's tasks as Slurm tells it: {@code squeue} for tasks that wait or run,
 * then {@code sacct} for ended ones, falling back to {@code scontrol show job} where the cluster keeps
 * no accounting database (sacct then refuses), which knows ended jobs for {@code MinJobAge} seconds.
 */
final class SlurmQueue {

    /** One task: Slurm's state word (PENDING, RUNNING, COMPLETED, TIMEOUT...), reason, node, exit "code:signal". */
    record Task(int index, String state, String reason, String node, String exitCode) {

        boolean ended() {
            return !List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED",
                    "RESIZING", "SIGNALING", "STAGE_OUT").contains(state);
        }

        /** What the user reads while it lives, e.g. "pending (Resources)" or "running on node n3". */
        String describe() {
            if (state.equals("PENDING")) {
                return "pending" + (reason == null || reason.equals("None") ? "" : " (" + reason + ")");
            }
            if (state.equals("RUNNING")) {
                return "running on node " + node;
            }
            return state.toLowerCase(java.util.Locale.ROOT) + (node == null || node.isEmpty() ? "" : " on node " + node);
        }
    }

    private final SlurmCommands commands;

    SlurmQueue(SlurmCommands commands) {
        this.commands = commands;
    }

    /**
     * Tasks squeue lists (waiting or running), by array index; empty once Slurm says the job left the
     * queue. A failed squeue (controller away, a bad SLURM_CONF) is no answer: it throws, so nobody
     * mistakes it for "ended".
     */
    Map<Integer, Task> queued(String jobId) throws RunTargetException {
        SlurmCommands.Result r = commands.run("squeue", List.of("-h", "-r", "-j", jobId, "-o", "%K|%T|%r|%N"));
        Map<Integer, Task> tasks = new HashMap<>();
        if (!r.ok()) {
            if (forgotten(r)) {
                return tasks; // Slurm's answer: the job has left the queue (and its memory)
            }
            throw notAnswered("squeue", r);
        }
        for (String line : r.out().lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length == 4 && f[0].matches("\\d+")) {
                int index = Integer.parseInt(f[0]);
                tasks.put(index, new Task(index, f[1], f[2], f[3], null));
            }
        }
        return tasks;
    }

    /**
     * Tasks that Slurm still remembers, ended or not, from sacct or else scontrol; empty when scontrol
     * answers that it no longer knows the job; throws when neither answers.
     */
    Map<Integer, Task> remembered(String jobId) throws RunTargetException {
        SlurmCommands.Result acct = commands.run("sacct",
                List.of("-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode,NodeList,Reason"));
        if (acct.ok() && !acct.out().isBlank()) {
            return parseSacct(acct.out());
        }
        SlurmCommands.Result show = commands.run("scontrol", List.of("-o", "show", "job", jobId));
        if (show.ok()) {
            return parseScontrol(show.out());
        }
        if (forgotten(show)) {
            return new HashMap<>(); // ended longer than MinJobAge ago, and no accounting to ask
        }
        throw notAnswered("scontrol", show);
    }

    /** Slurm answered that it does not know the job: it ended and was purged. Every other failure is no answer. */
    private static boolean forgotten(SlurmCommands.Result r) {
        return r.err().contains("Invalid job id");
    }

    private static RunTargetException notAnswered(String command, SlurmCommands.Result r) {
        return new RunTargetException(command + " failed (exit " + r.exit() + "): " + SlurmCommands.firstLines(r.err()));
    }

    static Map<Integer, Task> parseSacct(String out) {
        Map<Integer, Task> tasks = new HashMap<>();
        for (String line : out.lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length >= 4 && f[0].matches("\\d+_\\d+")) {
                int index = Integer.parseInt(f[0].substring(f[0].indexOf('_') + 1));
                String state = f[1].split(" ")[0]; // "CANCELLED by 0"
                tasks.put(index, new Task(index, state, f.length > 4 ? f[4] : null, f[3], f[2]));
            }
        }
        return tasks;
    }

    static Map<Integer, Task> parseScontrol(String out) {
        Map<Integer, Task> tasks = new HashMap<>();
        for (String line : out.lines().toList()) {
            Map<String, String> f = fields(line);
            String index = f.get("ArrayTaskId");
            if (index != null && index.matches("\\d+")) { // "1-4%2" is the still-pending rest of the array
                int i = Integer.parseInt(index);
                tasks.put(i, new Task(i, f.getOrDefault("JobState", "UNKNOWN"), f.get("Reason"),
                        "(null)".equals(f.get("NodeList")) ? "" : f.get("NodeList"), f.get("ExitCode")));
            }
        }
        return tasks;
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> f = new HashMap<>();
        for (String word : line.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return f;
    }
}
