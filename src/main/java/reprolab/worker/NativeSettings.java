package reprolab.worker;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import reprolab.experiment.DataTypeName;
import reprolab.experiment.ExecutionSpec;

/**
 * Applies a run's execution settings to ND4J before any training op. The launcher already put the
 * thread count and helper switch into the environment (libnd4j reads it once, at load); these calls
 * make the same settings hold when the worker is started by hand.
 *
 * <p>Vendor kernels ({@code execution.helpers}) are two switches that must agree: libnd4j's own
 * platform helpers ({@code allowHelpers}) and DL4J's layer helpers, which DL4J only creates when the
 * system property {@value #DL4J_HELPERS_DISABLE} is {@code false} (its default is {@code true}, and
 * then every layer takes DL4J's slow im2col path whatever {@code allowHelpers} says).
 */
final class NativeSettings {

    /** DL4J reads this each time a layer creates its helper; "true" means no oneDNN/cuDNN layer helpers. */
    static final String DL4J_HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private NativeSettings() {
    }

    static void apply(ExecutionSpec execution) {
        NativeBuild.select(); // before the first Nd4j call below: JavaCPP reads the build choice once
        System.setProperty(DL4J_HELPERS_DISABLE, String.valueOf(!execution.helpers()));
        Nd4j.getEnvironment().allowHelpers(execution.helpers());
        // thread-invariant runs: native code on one thread (its sums are split by the thread count),
        // our Java kernels, which split only independent outputs, on the run's threads
        Nd4j.getEnvironment().setMaxThreads(execution.nativeThreads());
        Nd4j.getEnvironment().setMaxMasterThreads(execution.nativeThreads());
        KernelThreads.use(execution.threads());
        DataType type = execution.dataType() == DataTypeName.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.setDefaultDataTypes(type, type);
    }

    /**
     * Whether vendor kernels really run: helpers allowed in libnd4j, DL4J's layer helpers enabled,
     * and (on the CPU) oneDNN compiled into the loaded libnd4j. This, not the requested setting, is
     * what provenance reports as {@code helpersActive}.
     */
    static boolean helpersActive() {
        boolean requested = Nd4j.getEnvironment().helpersAllowed()
                && !Boolean.parseBoolean(System.getProperty(DL4J_HELPERS_DISABLE, "true"));
        if (!requested) {
            return false;
        }
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "");
        return !"CPU".equalsIgnoreCase(backend) || org.nd4j.nativeblas.Nd4jCpu.Environment.oneDnnCompiledIn();
    }
}
