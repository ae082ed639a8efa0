package reprolab.gui.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One run's line in the progress table. Changed only on the FX thread. */
public final class RunRow {

    private final String runId;
    private final int colorIndex;
    private final StringProperty status = new SimpleStringProperty("waiting");
    private final IntegerProperty iteration = new SimpleIntegerProperty(-1);
    private final IntegerProperty total = new SimpleIntegerProperty(0);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty eta = new SimpleStringProperty("");
    /** Whether the run has ended: its cancel button is off. Not read from the status, which a cluster words freely. */
    private final BooleanProperty ended = new SimpleBooleanProperty(false);
    long startedNanos = -1;

    public RunRow(String runId, int colorIndex) {
        this.runId = runId;
        this.colorIndex = colorIndex;
    }

    public String runId() {
        return runId;
    }

    /** Index into the run palette, shared by the table swatch and the chart series. */
    public int colorIndex() {
        return colorIndex;
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended;
    }

    void markEnded() {
        ended.set(true);
    }

    public StringProperty statusProperty() {
        return status;
    }

    public IntegerProperty iterationProperty() {
        return iteration;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    public boolean isEnded() {
        return ended.get();
    }
}
