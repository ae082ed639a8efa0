package reprolab.experiment;

/**
 * One seed with its switch. When {@code enabled} is false the value is ignored and a fresh seed is
 * drawn for each run (and recorded, so the run can be replayed).
 */
public record SeedSetting(boolean enabled, long value) {

    public static SeedSetting on(long value) {
        return new SeedSetting(true, value);
    }

    public static SeedSetting off() {
        return new SeedSetting(false, 0);
    }
}
