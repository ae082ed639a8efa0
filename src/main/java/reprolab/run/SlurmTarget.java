package reprolab.run;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.events.RunHistory;
import reprolab.experiment.Json;
import reprolab.experiment.RunSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an experiment as one Slurm job array: {@code sbatch --parsable --array=0-(N-1)%P} with
 * {@code --cpus-per-task} = the runs' thread count, one task per run, each the same worker command
 * as a local run (see {@link SlurmBatchScript}). The job id goes into {@code runs/slurm-job.json}, so
 * reopening the folder later ({@link #resume}) follows the same jobs. Immutable.
 */
public final class SlurmTarget implements RunTarget {

    /** The file in {@code runs/} that names the job array and its runs in task order. */
    public static final String JOB_FILE = "slurm-job.json";
    private static final int JOB_FILE_VERSION = 1;

    private final WorkerCommand command;
    private final SlurmSettings settings;
    private final SlurmCommands commands;

    /** Submits workers started with {@code command}, with these settings, through {@code commands}. */
    public SlurmTarget(WorkerCommand command, SlurmSettings settings, SlurmCommands commands) {
        this.command = command;
        this.settings = settings;
        this.commands = commands;
    }

    /** The settings of the jobs. */
    public SlurmSettings settings() {
        return settings;
    }

    @Override
    public void check(Path storeRoot) throws RunTargetException {
        SlurmPreflight.check(commands, settings, storeRoot);
    }

    @Override
    public RunningExperiment start(ExperimentFolder folder, List<RunSpec> runs, int parallel, RunListener listener)
            throws RunTargetException, IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one run");
        }
        List<String> nodes = SlurmPreflight.check(commands, settings, folder.path());
        int atOnce = Math.max(1, Math.min(parallel, runs.size()));
        if (settings.spreadNodes()) {
            atOnce = Math.max(1, Math.min(runs.size(), nodes.size())); // one whole node each, all at once
        }
        Path script = folder.runsDir().resolve("slurm-job.sh");
        Files.createDirectories(folder.runsDir());
        AtomicFiles.writeString(script, SlurmBatchScript.write(command, folder, runs, WorkerMemory.forParallel(1)));
        String jobId = submit(folder, script, runs, atOnce);
        List<String> ids = runs.stream().map(RunSpec::runId).toList();
        writeJobFile(folder, jobId, ids);
        SlurmExperiment experiment = new SlurmExperiment(folder, jobId, ids, commands, listener);
        experiment.start();
        return experiment;
    }

    private String submit(ExperimentFolder folder, Path script, List<RunSpec> runs, int atOnce)
            throws RunTargetException {
        int threads = runs.stream().mapToInt(r -> r.spec().execution().threads()).max().orElse(1);
        List<String> args = new ArrayList<>(List.of("--parsable",
                "--array=0-" + (runs.size() - 1) + "%" + atOnce,
                "--cpus-per-task=" + threads,
                "--job-name=reprolab-" + folder.path().getFileName(),
                "--output=" + folder.runsDir().toAbsolutePath().resolve("slurm-%A_%a.out"),
                "--chdir=" + folder.runsDir().toAbsolutePath()));
        args.addAll(settings.sbatchOptions());
        args.add(script.toAbsolutePath().toString());
        SlurmCommands.Result r = commands.run("sbatch", args);
        if (!r.ok()) {
            throw new RunTargetException("Slurm refused the job: " + SlurmCommands.firstLines(r.err()));
        }
        String id = r.out().strip().split(";")[0]; // --parsable: "id" or "id;cluster"
        if (!id.matches("\\d+")) {
            throw new RunTargetException("sbatch answered '" + r.out().strip() + "' instead of a job id");
        }
        return id;
    }

    /**
     * Follows the job array of an experiment submitted earlier (after the app was closed): replays
     * what its runs stored, then goes on as when it was submitted. Empty when the folder has no job.
     */
    public static Optional<RunningExperiment> resume(ExperimentFolder folder, SlurmCommands commands,
                                                     RunListener listener) throws IOException {
        Path file = folder.runsDir().resolve(JOB_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode json = Json.mapper().readTree(file.toFile());
        if (json.path("schemaVersion").asInt() != JOB_FILE_VERSION) {
            throw new IOException(file + " has schemaVersion " + json.path("schemaVersion")
                    + "; this version of ReproLab reads " + JOB_FILE_VERSION);
        }
        List<String> ids = new ArrayList<>();
        json.path("runs").forEach(n -> ids.add(n.asText()));
        SlurmExperiment experiment = new SlurmExperiment(folder, json.path("jobId").asText(), ids, commands, listener);
        experiment.start();
        return Optional.of(experiment);
    }

    /** The job id stored in an experiment folder, if it was submitted to Slurm. */
    public static Optional<String> jobId(ExperimentFolder folder) {
        try {
            return Optional.of(Json.mapper().readTree(folder.runsDir().resolve(JOB_FILE).toFile()).path("jobId").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the folder names a Slurm job array and some of its runs have not stored their end yet. */
    public static boolean hasUnendedJob(ExperimentFolder folder) {
        try {
            JsonNode runs = Json.mapper().readTree(folder.runsDir().resolve(JOB_FILE).toFile()).path("runs");
            for (JsonNode id : runs) {
                RunHistory run = ExperimentFolder.loadRun(id.asText(), folder.logFile(id.asText()));
                if (run.finished() == null && run.failed() == null) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void writeJobFile(ExperimentFolder folder, String jobId, List<String> ids) throws IOException {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("schemaVersion", JOB_FILE_VERSION);
        job.put("jobId", jobId);
        job.put("runs", ids);
        AtomicFiles.writeString(folder.runsDir().resolve(JOB_FILE),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(job));
    }

    @Override
    public String describe() {
        return "Slurm" + (settings.partition() == null ? "" : " partition " + settings.partition());
    }
}
