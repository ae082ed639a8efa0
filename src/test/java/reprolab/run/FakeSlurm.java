package reprolab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Slurm's client commands as shell scripts in a folder, steered by files beside them: {@code mode}
 * ("fail": the controller cannot be contacted; "hang": squeue never answers; else squeue prints
 * {@code queue.txt}), {@code nodes.txt} ("NAME STATE" lines for sinfo), {@code refuse} (sbatch
 * refuses). Every sbatch call's arguments are appended to {@code sbatch.log}, one call a line.
 */
final class FakeSlurm {

    private static final String AWAY = "echo 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' >&2; exit 1";

    final Path dir;

    FakeSlurm(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        script("squeue", "m=$(cat \"$d/mode\" 2>/dev/null)\n"
                + "if [ \"$m\" = fail ]; then " + AWAY + "; fi\n"
                + "if [ \"$m\" = hang ]; then sleep 300 & echo $! > \"$d/squeue.pid\"; wait; fi\n"
                + "cat \"$d/queue.txt\" 2>/dev/null; exit 0");
        script("sacct", "echo 'sacct: error: Slurm accounting storage is disabled' >&2; exit 1");
        script("scontrol", "[ \"$(cat \"$d/mode\" 2>/dev/null)\" = fail ] && { " + AWAY + "; }\n"
                + "echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1");
        script("scancel", "exit 0");
        script("sinfo", "case \"$*\" in\n"
                + "  *%R*) echo debug ;;\n"
                + "  *'%N %t'*) cat \"$d/nodes.txt\" ;;\n"
                + "  *) cut -d' ' -f1 \"$d/nodes.txt\" ;;\nesac");
        script("sbatch", "echo \"$*\" >> \"$d/sbatch.log\"\n"
                + "[ -f \"$d/refuse\" ] && { echo 'sbatch: error: Batch job submission failed: Invalid account' >&2; exit 1; }\n"
                + "case \"$*\" in *--test-only*) echo 'sbatch: Job 1 to start' >&2; exit 0 ;; esac\n"
                + "n=$(( $(cat \"$d/jobs\" 2>/dev/null || echo 100) + 1 )); echo $n > \"$d/jobs\"; echo $n");
        nodes(SlurmPreflight.localHost() + " idle");
        mode("running");
    }

    private void script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/bash\nd='" + dir + "'\n" + body + "\n");
        file.toFile().setExecutable(true);
    }

    void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode);
    }

    void nodes(String... lines) throws IOException {
        Files.writeString(dir.resolve("nodes.txt"), String.join("\n", lines) + "\n");
    }

    void queue(String... lines) throws IOException {
        Files.writeString(dir.resolve("queue.txt"), String.join("\n", lines) + "\n");
    }

    void refuse() throws IOException {
        Files.writeString(dir.resolve("refuse"), "");
    }

    /** The sbatch calls so far, one line each (arguments joined by spaces), --test-only ones left out. */
    List<String> submissions() throws IOException {
        Path log = dir.resolve("sbatch.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> !l.contains("--test-only")).toList()
                : List.of();
    }

    SlurmCommands commands(Duration timeout) {
        return SlurmCommands.onPath(dir + java.io.File.pathSeparator + "/usr/bin:/bin").withTimeout(timeout);
    }
}
