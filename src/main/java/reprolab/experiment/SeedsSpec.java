package reprolab.experiment;

/**
 * The four independent sources of randomness in training. Each controls exactly its own stream:
 * changing one never changes what another produces.
 *
 * @param weightInit initial weights
 * @param dropout    dropout masks
 * @param shuffle    order of the training examples, per epoch
 * @param split      which examples go to training and which to validation (stratified)
 */
public record SeedsSpec(SeedSetting weightInit, SeedSetting dropout, SeedSetting shuffle, SeedSetting split) {

    public static SeedsSpec defaults() {
        return new SeedsSpec(SeedSetting.on(42), SeedSetting.on(42), SeedSetting.on(42), SeedSetting.on(42));
    }

    /** The same seeds with one of them replaced, by its field name. */
    public SeedsSpec with(SeedKind kind, SeedSetting setting) {
        return switch (kind) {
            case WEIGHT_INIT -> new SeedsSpec(setting, dropout, shuffle, split);
            case DROPOUT -> new SeedsSpec(weightInit, setting, shuffle, split);
            case SHUFFLE -> new SeedsSpec(weightInit, dropout, setting, split);
            case SPLIT -> new SeedsSpec(weightInit, dropout, shuffle, setting);
        };
    }

    public SeedSetting get(SeedKind kind) {
        return switch (kind) {
            case WEIGHT_INIT -> weightInit;
            case DROPOUT -> dropout;
            case SHUFFLE -> shuffle;
            case SPLIT -> split;
        };
    }
}
