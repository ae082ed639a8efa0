package reprolab.experiment;

import java.util.List;

/** The checks of an experiment's {@code script} section ({@link ScriptSpec}), named by field. */
final class ScriptRules {

    static final int MAX_ARGS = 1000;
    static final int MAX_ARG_LENGTH = 4096;
    static final long MAX_TIME_LIMIT_SECONDS = 30L * 24 * 3600;

    private ScriptRules() {
    }

    static void check(ExperimentSpec spec, List<String> p) {
        ScriptSpec s = spec.script();
        if (s == null) {
            return;
        }
        if (s.path() == null || s.path().isBlank() || s.path().chars().anyMatch(c -> c == 0)) {
            p.add("field 'script.path' must name the training script");
        }
        if (s.sha256() == null || !s.sha256().matches("[0-9a-f]{64}")) {
            p.add("field 'script.sha256' must be the script's SHA-256, 64 lower-case hex digits");
        }
        if (s.args().size() > MAX_ARGS || s.args().stream().anyMatch(a -> a == null || a.length() > MAX_ARG_LENGTH
                || a.chars().anyMatch(c -> c == 0))) {
            p.add("field 'script.args' holds at most " + MAX_ARGS + " arguments of at most " + MAX_ARG_LENGTH
                    + " characters, without NUL");
        }
        if (s.timeLimitSeconds() < 0 || s.timeLimitSeconds() > MAX_TIME_LIMIT_SECONDS) {
            p.add("field 'script.timeLimitSeconds' is " + s.timeLimitSeconds() + "; allowed: 0 (none) to "
                    + MAX_TIME_LIMIT_SECONDS);
        }
        if (s.seed() == null || s.hashSeed() == null) {
            p.add("fields 'script.seed' and 'script.hashSeed' must be objects {enabled, value}");
        } else if (s.hashSeed().enabled() && (s.hashSeed().value() < 0 || s.hashSeed().value() > ScriptSpec.MAX_HASH_SEED)) {
            p.add("field 'script.hashSeed.value' is " + s.hashSeed().value() + "; PYTHONHASHSEED takes 0 to "
                    + ScriptSpec.MAX_HASH_SEED);
        }
        if (!spec.execution().pytorch()) {
            p.add("field 'execution.engine' must be 'pytorch' for a script experiment: the script runs in PyTorch");
        }
        if (spec.perturbation().enabled()) {
            p.add("field 'perturbation.enabled' must be false for a script experiment: ReproLab does not change a "
                    + "script's parameters");
        }
    }
}
