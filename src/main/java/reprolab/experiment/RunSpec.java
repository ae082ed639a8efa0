package reprolab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * What one worker process trains: the experiment, with every seed resolved to a value.
 *
 * @param schemaVersion {@link ExperimentSpec#SCHEMA_VERSION}
 * @param runId         unique within its experiment, safe as a file name
 * @param spec          the experiment
 * @param seeds         the seeds this run uses
 */
public record RunSpec(int schemaVersion, String runId, ExperimentSpec spec, ResolvedSeeds seeds) {

    public static final String RUN_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RunSpec fromJson(String json) throws SpecException {
        RunSpec run;
        try {
            run = Json.mapper().readValue(json, RunSpec.class);
        } catch (JsonMappingException e) {
            throw new SpecException(SpecJson.describe(e));
        } catch (JsonProcessingException e) {
            throw new SpecException("malformed run spec: " + e.getOriginalMessage());
        }
        if (run.schemaVersion() != ExperimentSpec.SCHEMA_VERSION) {
            throw new SpecException("run spec schemaVersion " + run.schemaVersion() + " is not supported");
        }
        if (run.runId() == null || !run.runId().matches(RUN_ID_PATTERN)) {
            throw new SpecException("run id '" + run.runId() + "' must match " + RUN_ID_PATTERN);
        }
        if (run.spec() == null || run.seeds() == null) {
            throw new SpecException("run spec needs both 'spec' and 'seeds'");
        }
        SpecValidator.validateOrThrow(run.spec());
        return run;
    }
}
