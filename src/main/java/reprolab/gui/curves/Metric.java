package reprolab.gui.curves;

/** The per-iteration training curves the app plots. */
public enum Metric {
    LOSS("Loss"),
    ACCURACY("Batch accuracy");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
