package reprolab.gui;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One row of the experiment history.
 *
 * @param problem null, or why the folder could not be read completely
 */
public record StoredExperiment(Path folder, String name, Instant created, int runs, String problem) {
}
