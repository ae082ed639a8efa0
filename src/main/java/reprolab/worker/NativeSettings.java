package reprolab.worker;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExecutionSpec;

/**
 * Applies a run's execution settings to ND4J before any training op. The launcher already put the
 * thread count and helper switch into the environment (libnd4j reads it once, at load); these calls
 * make the same settings hold when the worker is started by hand.
 */
final class NativeSettings {

    private NativeSettings() {
    }

    static void apply(ExecutionSpec execution) {
        Nd4j.getEnvironment().allowHelpers(execution.helpers());
        Nd4j.getEnvironment().setMaxThreads(execution.threads());
        Nd4j.getEnvironment().setMaxMasterThreads(execution.threads());
        DataType type = execution.dataType() == DataTypeName.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.setDefaultDataTypes(type, type);
    }
}
