package reprolab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * How the native code runs. Each worker process gets these as environment and arguments because
 * libnd4j (and PyTorch's thread pools) read them once per process.
 *
 * @param threads                 native threads (OMP_NUM_THREADS, SD_MAX_THREADS, SD_MASTER_THREADS;
 *                                {@code torch.set_num_threads} for PyTorch)
 * @param helpers                 vendor kernels: oneDNN on the CPU, cuDNN on a GPU (libnd4j platform
 *                                helpers; {@code torch.backends.mkldnn/cudnn.enabled} for PyTorch)
 * @param dataType                float or double
 * @param backend                 cpu or cuda
 * @param engine                  dl4j (default) or pytorch
 * @param deterministicAlgorithms PyTorch only: {@code torch.use_deterministic_algorithms(True)} with
 *                                {@code CUBLAS_WORKSPACE_CONFIG=:4096:8}
 * @param cudnnBenchmark          PyTorch on cuda only: {@code torch.backends.cudnn.benchmark}, which
 *                                times several convolution algorithms and keeps the fastest
 * @param threadInvariant         DL4J on the CPU only: the bits of a run do not depend on {@code threads}.
 *                                Every native kernel (libnd4j, oneDNN, OpenBLAS) runs on one thread,
 *                                because their sums are split by the thread count (OpenBLAS's sgemm too,
 *                                docs/performance.md round 6); only our Java kernels use {@code threads},
 *                                and they split independent outputs alone ({@link #nativeThreads()})
 */
public record ExecutionSpec(int threads, boolean helpers, DataTypeName dataType, Backend backend,
                            // fields added for PyTorch: left out of the JSON at their defaults (so a DL4J spec's
                            // file and hash are unchanged) and read as their defaults when absent (stored runs
                            // of earlier releases), never as an error
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Engine.IsDefault.class)
                            Engine engine,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                            boolean deterministicAlgorithms,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                            boolean cudnnBenchmark,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                            boolean threadInvariant) {

    /** A spec recorded before the engine field existed (every stored run of earlier releases) ran on DL4J. */
    public ExecutionSpec {
        engine = engine == null ? Engine.DL4J : engine;
    }

    /** A DL4J execution (the form every spec had before the PyTorch engine). */
    public ExecutionSpec(int threads, boolean helpers, DataTypeName dataType, Backend backend) {
        this(threads, helpers, dataType, backend, Engine.DL4J, false, false);
    }

    /** An execution without thread-invariant kernels (the form every spec had before round 6). */
    public ExecutionSpec(int threads, boolean helpers, DataTypeName dataType, Backend backend, Engine engine,
                         boolean deterministicAlgorithms, boolean cudnnBenchmark) {
        this(threads, helpers, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark, false);
    }

    public static ExecutionSpec defaults() {
        return new ExecutionSpec(1, true, DataTypeName.FLOAT, Backend.CPU);
    }

    public ExecutionSpec withThreads(int n) {
        return new ExecutionSpec(n, helpers, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withHelpers(boolean on) {
        return new ExecutionSpec(threads, on, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withDataType(DataTypeName type) {
        return new ExecutionSpec(threads, helpers, type, backend, engine, deterministicAlgorithms, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withBackend(Backend b) {
        return new ExecutionSpec(threads, helpers, dataType, b, engine, deterministicAlgorithms, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withEngine(Engine e) {
        return new ExecutionSpec(threads, helpers, dataType, backend, e, deterministicAlgorithms, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withDeterministicAlgorithms(boolean on) {
        return new ExecutionSpec(threads, helpers, dataType, backend, engine, on, cudnnBenchmark, threadInvariant);
    }

    public ExecutionSpec withCudnnBenchmark(boolean on) {
        return new ExecutionSpec(threads, helpers, dataType, backend, engine, deterministicAlgorithms, on, threadInvariant);
    }

    public ExecutionSpec withThreadInvariant(boolean on) {
        return new ExecutionSpec(threads, helpers, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark, on);
    }

    /**
     * The threads libnd4j, oneDNN and OpenBLAS get: {@code threads}, or 1 under {@code threadInvariant},
     * where the thread count must not enter any sum.
     */
    public int nativeThreads() {
        return threadInvariant ? 1 : threads;
    }

    /** True when PyTorch trains this run. */
    public boolean pytorch() {
        return engine == Engine.PYTORCH;
    }
}
