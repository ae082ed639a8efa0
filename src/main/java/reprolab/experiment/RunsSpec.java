package reprolab.experiment;

/**
 * How many repeats an experiment launches.
 *
 * @param repeats  runs of the same spec
 * @param parallel runs at once; 0 means as many as fit the cores given each run's thread count
 */
public record RunsSpec(int repeats, int parallel) {

    public static RunsSpec defaults() {
        return new RunsSpec(3, 0);
    }
}
