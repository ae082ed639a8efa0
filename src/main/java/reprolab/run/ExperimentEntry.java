package reprolab.run;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One experiment folder as the list of experiments shows it.
 *
 * @param folder  the experiment's folder
 * @param name    the spec's name, or the folder name when the spec cannot be read
 * @param created when the experiment was created (from the folder name, else the folder's time)
 * @param runs    number of run logs in the folder
 * @param problem why the folder cannot be opened, or null when it can
 */
public record ExperimentEntry(Path folder, String name, Instant created, int runs, String problem) {

    /** Whether {@link ExperimentStore#open} will succeed (as far as this listing could tell). */
    public boolean usable() {
        return problem == null;
    }
}
