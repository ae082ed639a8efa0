package reprolab.run;

import com.fasterxml.jackson.databind.JsonNode;
import reprolab.events.RunHistory;
import reprolab.experiment.DataSpec;
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
 * Runs an experiment as Slurm job arrays: one array per resource shape (runs that ask for the same
 * {@code execution.threads} share one, each array asking {@code --cpus-per-task} = those threads),
 * one task per run, each the same worker command as a local run (see {@link SlurmBatchScript}). The
 * array indices are the runs' places in the experiment, so one batch script serves every array. Jobs
 * go with {@code --no-requeue}: a node failure or preemption ends the run (NODE_FAIL, PREEMPTED)
 * instead of starting it again into the same log. The job ids go into {@code runs/slurm-job.json}, so
 * reopening the folder later ({@link #resume}) follows the same jobs. Immutable.
 */
public final class SlurmTarget implements RunTarget {

    /** The file in {@code runs/} that names the job arrays and the runs in task order. */
    public static final String JOB_FILE = "slurm-job.json";
    /** 1: one array ({@code jobId}); 2: {@code arrays}, a job id and task indices per resource shape. */
    private static final int JOB_FILE_VERSION = 2;

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

    /**
     * Checks sbatch, the controller, the partition, the shared folder, and lets Slurm judge the
     * options ({@code sbatch --test-only}) before anything is stored.
     */
    @Override
    public void check(Path storeRoot) throws RunTargetException {
        SlurmPreflight.check(commands, settings, storeRoot);
        SlurmPreflight.testOptions(commands, settings);
    }

    /**
     * Submits the runs. When Slurm refuses, the folder (new, made for this start) is removed again and
     * any array already submitted is cancelled, so a refusal leaves no empty experiment behind.
     */
    @Override
    public RunningExperiment start(ExperimentFolder folder, List<RunSpec> runs, int parallel, RunListener listener)
            throws RunTargetException, IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one run");
        }
        List<SlurmJob> jobs = new ArrayList<>();
        try {
            List<String> nodes = SlurmPreflight.check(commands, settings, folder.path());
            int atOnce = Math.max(1, Math.min(parallel, runs.size()));
            if (settings.spreadNodes()) {
                atOnce = SlurmPreflight.spreadAtOnce(commands, settings, nodes, atOnce);
            }
            List<RunSpec> submitted = runs.stream().map(SlurmTarget::withAbsoluteDataPaths).toList();
            Path script = folder.runsDir().resolve("slurm-job.sh");
            Files.createDirectories(folder.runsDir());
            AtomicFiles.writeString(script, SlurmBatchScript.write(command, folder, submitted));
            for (Map.Entry<Integer, List<Integer>> shape : byThreads(submitted).entrySet()) {
                jobs.add(new SlurmJob(submit(folder, script, shape.getKey(), shape.getValue(), atOnce),
                        shape.getValue()));
            }
        } catch (RunTargetException | RuntimeException e) {
            jobs.forEach(job -> commands.tryRun("scancel", List.of(job.jobId())));
            try {
                Tree.delete(folder.path());
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
        List<String> ids = runs.stream().map(RunSpec::runId).toList();
        writeJobFile(folder, ids, jobs);
        SlurmExperiment experiment = new SlurmExperiment(folder, ids, jobs, commands, listener);
        experiment.start();
        return experiment;
    }

    /** The runs' places by thread count, in order of first appearance: one array each. */
    static Map<Integer, List<Integer>> byThreads(List<RunSpec> runs) {
        Map<Integer, List<Integer>> shapes = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            shapes.computeIfAbsent(runs.get(i).spec().execution().threads(), t -> new ArrayList<>()).add(i);
        }
        return shapes;
    }

    /**
     * The run with relative {@code data.imagesPath}/{@code labelsPath} made absolute against this
     * process's working folder, as a local worker would read them: a task starts in {@code runs/}.
     */
    static RunSpec withAbsoluteDataPaths(RunSpec run) {
        DataSpec data = run.spec().data();
        DataSpec absolute = new DataSpec(data.source(), absolute(data.imagesPath()), absolute(data.labelsPath()),
                data.trainSize(), data.validationSize());
        return absolute.equals(data) ? run
                : new RunSpec(run.schemaVersion(), run.runId(), run.spec().withData(absolute), run.seeds());
    }

    private static String absolute(String path) {
        if (path == null || path.isBlank() || Path.of(path).isAbsolute()) {
            return path;
        }
        return Path.of(System.getProperty("user.dir")).resolve(path).normalize().toString();
    }

    private String submit(ExperimentFolder folder, Path script, int threads, List<Integer> tasks, int atOnce)
            throws RunTargetException {
        List<String> args = new ArrayList<>(List.of("--parsable", "--no-requeue",
                "--array=" + indexRanges(tasks) + "%" + Math.min(atOnce, tasks.size()),
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

    /** Sorted indices as Slurm's array ranges: [0, 1, 2, 5, 7, 8] is "0-2,5,7-8". */
    static String indexRanges(List<Integer> sorted) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int first = sorted.get(i);
            while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
                i++;
            }
            s.append(s.length() == 0 ? "" : ",").append(first).append(first == sorted.get(i) ? "" : "-" + sorted.get(i));
        }
        return s.toString();
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
        int version = json.path("schemaVersion").asInt();
        if (version < 1 || version > JOB_FILE_VERSION) {
            throw new IOException(file + " has schemaVersion " + json.path("schemaVersion")
                    + "; this version of ReproLab reads 1 to " + JOB_FILE_VERSION);
        }
        List<String> ids = new ArrayList<>();
        json.path("runs").forEach(n -> ids.add(n.asText()));
        List<SlurmJob> jobs = new ArrayList<>();
        if (version == 1) {
            jobs.add(new SlurmJob(json.path("jobId").asText(), java.util.stream.IntStream.range(0, ids.size()).boxed().toList()));
        }
        for (JsonNode array : json.path("arrays")) {
            List<Integer> tasks = new ArrayList<>();
            array.path("tasks").forEach(t -> tasks.add(t.asInt()));
            jobs.add(new SlurmJob(array.path("jobId").asText(), tasks));
        }
        SlurmExperiment experiment = new SlurmExperiment(folder, ids, jobs, commands, listener);
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

    private static void writeJobFile(ExperimentFolder folder, List<String> ids, List<SlurmJob> jobs) throws IOException {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("schemaVersion", JOB_FILE_VERSION);
        job.put("jobId", jobs.get(0).jobId()); // the first array's, as version 1 had it
        job.put("runs", ids);
        List<Map<String, Object>> arrays = new ArrayList<>();
        for (SlurmJob j : jobs) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("jobId", j.jobId());
            array.put("tasks", j.tasks());
            arrays.add(array);
        }
        job.put("arrays", arrays);
        AtomicFiles.writeString(folder.runsDir().resolve(JOB_FILE),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(job));
    }

    @Override
    public String describe() {
        return "Slurm" + (settings.partition() == null ? "" : " partition " + settings.partition());
    }
}
