package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.random.RandomGenerator;

/**
 * The seeds a run actually used: the configured value of each seed that is on, and a freshly drawn
 * one for each seed that is off. Recorded in every run's provenance so any run can be replayed.
 */
public record ResolvedSeeds(long weightInit, long dropout, long shuffle, long split,
                            // a script run's two seeds (ScriptSpec); absent (null) for every other run
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long script,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long hashSeed) {

    /** The seeds of a run of a model ReproLab builds. */
    public ResolvedSeeds(long weightInit, long dropout, long shuffle, long split) {
        this(weightInit, dropout, shuffle, split, null, null);
    }

    /**
     * These seeds plus a script's: its torch/random/numpy seed and PYTHONHASHSEED, each the configured
     * value when on, else drawn from {@code fresh} (the hash seed within Python's 0 .. 2^32-1).
     */
    public ResolvedSeeds withScript(ScriptSpec spec, RandomGenerator fresh) {
        long hash = spec.hashSeed().enabled() ? spec.hashSeed().value() : fresh.nextLong(ScriptSpec.MAX_HASH_SEED + 1);
        return new ResolvedSeeds(weightInit, dropout, shuffle, split, pick(spec.seed(), fresh), hash);
    }

    /** Uses the configured values of enabled seeds and draws the others from {@code fresh}. */
    public static ResolvedSeeds resolve(SeedsSpec seeds, RandomGenerator fresh) {
        return new ResolvedSeeds(
                pick(seeds.weightInit(), fresh),
                pick(seeds.dropout(), fresh),
                pick(seeds.shuffle(), fresh),
                pick(seeds.split(), fresh));
    }

    private static long pick(SeedSetting setting, RandomGenerator fresh) {
        // Drawn seeds stay below 2^53 so they survive any JSON tool (JavaScript numbers) unchanged.
        return setting.enabled() ? setting.value() : fresh.nextLong(1L << 53);
    }

    public long get(SeedKind kind) {
        return switch (kind) {
            case WEIGHT_INIT -> weightInit;
            case DROPOUT -> dropout;
            case SHUFFLE -> shuffle;
            case SPLIT -> split;
        };
    }

    /** All four seeds switched on with these values: the spec that replays the run exactly. */
    public SeedsSpec asSpec() {
        // a script's seeds are fixed by ScriptSpec#withSeeds, see RunReplay
        return new SeedsSpec(SeedSetting.on(weightInit), SeedSetting.on(dropout),
                SeedSetting.on(shuffle), SeedSetting.on(split));
    }
}
