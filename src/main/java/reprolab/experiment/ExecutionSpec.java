package reprolab.experiment;

/**
 * How the native code runs. Each worker JVM gets these as environment and properties because
 * libnd4j reads them once per process.
 *
 * @param threads  native threads (OMP_NUM_THREADS, SD_MAX_THREADS, SD_MASTER_THREADS)
 * @param helpers  vendor kernels: oneDNN on the CPU, cuDNN on a GPU (libnd4j platform helpers)
 * @param dataType float or double
 * @param backend  cpu or cuda
 */
public record ExecutionSpec(int threads, boolean helpers, DataTypeName dataType, Backend backend) {

    public static ExecutionSpec defaults() {
        return new ExecutionSpec(1, true, DataTypeName.FLOAT, Backend.CPU);
    }

    public ExecutionSpec withThreads(int n) {
        return new ExecutionSpec(n, helpers, dataType, backend);
    }

    public ExecutionSpec withHelpers(boolean on) {
        return new ExecutionSpec(threads, on, dataType, backend);
    }

    public ExecutionSpec withDataType(DataTypeName type) {
        return new ExecutionSpec(threads, helpers, type, backend);
    }
}
