package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything that decides an experiment: the data, the model, the four seeds, how the native code
 * runs, an optional perturbation and how many repeats to launch. Immutable; read and written as JSON
 * by {@link SpecJson}, checked by {@link SpecValidator}.
 *
 * @param schemaVersion version of the file format, currently {@value #SCHEMA_VERSION}
 * @param name          a label the user chose
 * @param data          which digits and how many
 * @param model         architecture and optimisation settings
 * @param seeds         one switchable seed per source of randomness
 * @param execution     native threads, vendor kernels, data type, backend
 * @param perturbation  a tiny deliberate change of some weights at one iteration
 * @param runs          how many repeats to launch and how many at once
 * @param script        a user's own training script that replaces data and model (null: none; left out
 *                      of the JSON then, so other experiments' files and hashes are as before)
 */
public record ExperimentSpec(
        int schemaVersion,
        String name,
        DataSpec data,
        ModelSpec model,
        SeedsSpec seeds,
        ExecutionSpec execution,
        PerturbationSpec perturbation,
        RunsSpec runs,
        @JsonInclude(JsonInclude.Include.NON_NULL) ScriptSpec script) {

    /** An experiment of a model ReproLab builds (no script). */
    public ExperimentSpec(int schemaVersion, String name, DataSpec data, ModelSpec model, SeedsSpec seeds,
                          ExecutionSpec execution, PerturbationSpec perturbation, RunsSpec runs) {
        this(schemaVersion, name, data, model, seeds, execution, perturbation, runs, null);
    }

    /** The only schema version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The defaults every field falls back to when a file leaves it out. */
    public static ExperimentSpec defaults() {
        return new ExperimentSpec(SCHEMA_VERSION, "experiment", DataSpec.defaults(), ModelSpec.defaults(),
                SeedsSpec.defaults(), ExecutionSpec.defaults(), PerturbationSpec.defaults(), RunsSpec.defaults());
    }

    public ExperimentSpec withName(String newName) {
        return new ExperimentSpec(schemaVersion, newName, data, model, seeds, execution, perturbation, runs, script);
    }

    public ExperimentSpec withSeeds(SeedsSpec newSeeds) {
        return new ExperimentSpec(schemaVersion, name, data, model, newSeeds, execution, perturbation, runs, script);
    }

    public ExperimentSpec withModel(ModelSpec newModel) {
        return new ExperimentSpec(schemaVersion, name, data, newModel, seeds, execution, perturbation, runs, script);
    }

    public ExperimentSpec withExecution(ExecutionSpec newExecution) {
        return new ExperimentSpec(schemaVersion, name, data, model, seeds, newExecution, perturbation, runs, script);
    }

    public ExperimentSpec withPerturbation(PerturbationSpec newPerturbation) {
        return new ExperimentSpec(schemaVersion, name, data, model, seeds, execution, newPerturbation, runs, script);
    }

    public ExperimentSpec withRuns(RunsSpec newRuns) {
        return new ExperimentSpec(schemaVersion, name, data, model, seeds, execution, perturbation, newRuns, script);
    }

    public ExperimentSpec withData(DataSpec newData) {
        return new ExperimentSpec(schemaVersion, name, newData, model, seeds, execution, perturbation, runs, script);
    }

    public ExperimentSpec withScript(ScriptSpec newScript) {
        return new ExperimentSpec(schemaVersion, name, data, model, seeds, execution, perturbation, runs, newScript);
    }
}
