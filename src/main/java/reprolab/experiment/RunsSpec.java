package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * How many repeats an experiment launches, and what each run records besides its events.
 *
 * @param repeats       runs of the same spec
 * @param parallel      runs at once; 0 means as many as fit the cores given each run's thread count
 * @param snapshotEvery write the raw parameters to {@code runs/<id>.params} at iteration 0, every this
 *                      many updates and after the last one, so that analysis can measure exact
 *                      distances between runs; 0 (the default) writes none. A snapshot of the tiny model
 *                      is about 88 KB, of the seed CNN about 9.6 MB (see docs/chaos.md)
 */
public record RunsSpec(int repeats, int parallel,
                       // left out of the JSON at 0 (files and spec hashes as before snapshots existed);
                       // absent in specs recorded before: read as 0 (none), not an error
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                       int snapshotEvery) {

    /** Without parameter snapshots (the default). */
    public RunsSpec(int repeats, int parallel) {
        this(repeats, parallel, 0);
    }

    public static RunsSpec defaults() {
        return new RunsSpec(3, 0, 0);
    }

    public RunsSpec withSnapshotEvery(int every) {
        return new RunsSpec(repeats, parallel, every);
    }
}
