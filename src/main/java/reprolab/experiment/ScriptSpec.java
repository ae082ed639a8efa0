package reprolab.experiment;

import java.util.List;

/**
 * A user's own PyTorch training script, run unchanged under ReproLab's probe
 * ({@code src/main/python/reprolab_probe}) instead of a model ReproLab builds. An experiment with a
 * script section ignores its data and model sections: the script decides both.
 *
 * @param path             the script, absolute
 * @param sha256           SHA-256 of the script when the experiment was made (a replay on another
 *                         version of it proves nothing)
 * @param args             the script's own command-line arguments
 * @param workingDirectory the folder the script runs in (its relative paths are resolved there)
 * @param timeLimitSeconds stop a run after this many seconds (0: no limit); on any target
 * @param seed             seeds torch, {@code random} and numpy before the script starts; off: each
 *                         run draws one (recorded, so it can be replayed)
 * @param hashSeed         {@code PYTHONHASHSEED}, the order of sets and of str-keyed hashing; off:
 *                         each run draws one (recorded)
 */
public record ScriptSpec(String path, String sha256, List<String> args, String workingDirectory,
                         long timeLimitSeconds, SeedSetting seed, SeedSetting hashSeed) {

    /** The largest PYTHONHASHSEED Python accepts. */
    public static final long MAX_HASH_SEED = 4_294_967_295L;

    public ScriptSpec {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public ScriptSpec withSeeds(SeedSetting newSeed, SeedSetting newHashSeed) {
        return new ScriptSpec(path, sha256, args, workingDirectory, timeLimitSeconds, newSeed, newHashSeed);
    }
}
