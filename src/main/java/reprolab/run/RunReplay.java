package reprolab.run;

import reprolab.events.Provenance;
import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.FileChecksum;
import reprolab.experiment.RunsSpec;
import reprolab.experiment.SeedSetting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a stored run from its provenance alone: the spec it ran with and the seeds it used (drawn
 * ones included), as one fully seeded repeat. Nothing else is needed, so a single {@code .jsonl}
 * file someone sends is enough to check their result.
 *
 * @param original the stored run
 * @param spec     the experiment that replays it: its settings, its seeds fixed, one repeat
 */
public record RunReplay(RunHistory original, ExperimentSpec spec) {

    /** The suffix of a run's event log. */
    public static final String LOG_SUFFIX = ExperimentFolder.LOG_SUFFIX;

    /**
     * Reads a run's event log ({@code runs/<id>.jsonl}).
     *
     * @throws IllegalArgumentException when the file is not a run log or has no readable started event
     */
    public static RunReplay of(Path log) {
        String name = log.getFileName() == null ? "" : log.getFileName().toString();
        if (!name.endsWith(LOG_SUFFIX) || !Files.isRegularFile(log)) {
            throw new IllegalArgumentException(log + " is not a run's event log: expected an existing file"
                    + " runs/<run-id>" + LOG_SUFFIX + " of a stored experiment");
        }
        RunHistory original = ExperimentFolder.loadRun(name.substring(0, name.length() - LOG_SUFFIX.length()), log);
        if (original.started() == null) {
            throw new IllegalArgumentException(log + " has no readable 'started' event, so no provenance to replay"
                    + (original.problems().isEmpty() ? "" : " (" + original.problems().get(0) + ")"));
        }
        Provenance p = original.started().provenance();
        ExperimentSpec spec = p.spec().withSeeds(p.seeds().asSpec()).withRuns(new RunsSpec(1, 1));
        if (spec.script() != null && p.seeds().script() != null && p.seeds().hashSeed() != null) {
            spec = spec.withScript(spec.script().withSeeds(SeedSetting.on(p.seeds().script()),
                    SeedSetting.on(p.seeds().hashSeed())));
        }
        return new RunReplay(original, spec);
    }

    /**
     * The data files whose content differs from what the run read, one line each (none when the
     * run's event format did not record checksums): a replay on other data proves nothing.
     */
    public List<String> changedData() {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> recorded : original.started().provenance().dataChecksums().entrySet()) {
            Path file = Path.of(recorded.getKey());
            String now;
            try {
                now = FileChecksum.sha256(file);
            } catch (IOException | RuntimeException e) {
                now = "unreadable (" + e.getMessage() + ")";
            }
            if (!now.equals(recorded.getValue())) {
                changed.add(file + ": SHA-256 was " + recorded.getValue() + ", is " + now);
            }
        }
        return changed;
    }
}
