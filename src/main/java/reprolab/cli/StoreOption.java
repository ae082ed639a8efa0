package reprolab.cli;

import picocli.CommandLine.Option;
import reprolab.run.ExperimentStore;

import java.nio.file.Path;

/** The {@code --out} option of the commands that store experiment folders (run, check, ablate). */
final class StoreOption {

    @Option(names = "--out", paramLabel = "DIR",
            description = "folder that holds experiment folders (default: the app's data folder)")
    Path out;

    /** The store under {@code --out}, else the app's data folder. */
    ExperimentStore store() {
        return new ExperimentStore(out == null ? ExperimentStore.defaultRoot() : out);
    }
}
