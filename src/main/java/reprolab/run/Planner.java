package reprolab.run;

import reprolab.experiment.ExperimentSpec;
import reprolab.experiment.ResolvedSeeds;
import reprolab.experiment.RunSpec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Expands an experiment into the runs a launcher starts. */
public final class Planner {

    /** More repeats than any screen or analysis can show; also keeps run ids at most 4 digits. */
    public static final int MAX_REPEATS = 1000;

    private Planner() {
    }

    /**
     * N repeats of one spec: run ids {@code run-01 .. run-NN}, zero-padded to the width of N (at
     * least two digits) so they sort in order. Each run's seeds are resolved on their own: enabled
     * seeds take the configured value, disabled ones a fresh draw from a {@link SecureRandom}.
     */
    public static List<RunSpec> repeats(ExperimentSpec spec, int repeats) {
        return repeats(spec, repeats, new SecureRandom());
    }

    /** As {@link #repeats(ExperimentSpec, int)} with the given source of fresh seeds (for tests). */
    public static List<RunSpec> repeats(ExperimentSpec spec, int repeats, RandomGenerator fresh) {
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be between 1 and " + MAX_REPEATS + ", got " + repeats);
        }
        int width = Math.max(2, String.valueOf(repeats).length());
        List<RunSpec> runs = new ArrayList<>(repeats);
        for (int i = 1; i <= repeats; i++) {
            String id = "run-" + String.format("%0" + width + "d", i);
            ResolvedSeeds seeds = ResolvedSeeds.resolve(spec.seeds(), fresh);
            if (spec.script() != null) {
                seeds = seeds.withScript(spec.script(), fresh);
            }
            runs.add(new RunSpec(ExperimentSpec.SCHEMA_VERSION, id, spec, seeds));
        }
        return List.copyOf(runs);
    }
}
