package reprolab.experiment;

/** The four seeds, with the field name used in files and the words used in reports. */
public enum SeedKind {
    WEIGHT_INIT("weightInit", "weight init seed"),
    DROPOUT("dropout", "dropout seed"),
    SHUFFLE("shuffle", "data shuffle seed"),
    SPLIT("split", "train/validation split seed");

    private final String field;
    private final String words;

    SeedKind(String field, String words) {
        this.field = field;
        this.words = words;
    }

    /** The field name under {@code seeds} in the experiment file. */
    public String field() {
        return field;
    }

    /** How a report names this seed. */
    public String words() {
        return words;
    }
}
