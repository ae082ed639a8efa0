package reprolab.gui;

import reprolab.events.RunHistory;
import reprolab.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.List;

/** A stored experiment read back: its settings and the events of every run. */
public record OpenedExperiment(Path folder, ExperimentSpec spec, List<RunHistory> runs) {

    public OpenedExperiment {
        runs = List.copyOf(runs);
    }
}
