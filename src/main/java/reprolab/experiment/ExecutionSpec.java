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
                            boolean cudnnBenchmark) {

    /** A spec recorded before the engine field existed (every stored run of earlier releases) ran on DL4J. */
    public ExecutionSpec {
        engine = engine == null ? Engine.DL4J : engine;
    }

    /** A DL4J execution (the form every spec had before the PyTorch engine). */
    public ExecutionSpec(int threads, boolean helpers, DataTypeName dataType, Backend backend) {
        this(threads, helpers, dataType, backend, Engine.DL4J, false, false);
    }

    public static ExecutionSpec defaults() {
        return new ExecutionSpec(1, true, DataTypeName.FLOAT, Backend.CPU);
    }

    public ExecutionSpec withThreads(int n) {
        return new ExecutionSpec(n, helpers, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark);
    }

    public ExecutionSpec withHelpers(boolean on) {
        return new ExecutionSpec(threads, on, dataType, backend, engine, deterministicAlgorithms, cudnnBenchmark);
    }

    public ExecutionSpec withDataType(DataTypeName type) {
        return new ExecutionSpec(threads, helpers, type, backend, engine, deterministicAlgorithms, cudnnBenchmark);
    }

    public ExecutionSpec withBackend(Backend b) {
        return new ExecutionSpec(threads, helpers, dataType, b, engine, deterministicAlgorithms, cudnnBenchmark);
    }

    public ExecutionSpec withEngine(Engine e) {
        return new ExecutionSpec(threads, helpers, dataType, backend, e, deterministicAlgorithms, cudnnBenchmark);
    }

    public ExecutionSpec withDeterministicAlgorithms(boolean on) {
        return new ExecutionSpec(threads, helpers, dataType, backend, engine, on, cudnnBenchmark);
    }

    public ExecutionSpec withCudnnBenchmark(boolean on) {
        return new ExecutionSpec(threads, helpers, dataType, backend, engine, deterministicAlgorithms, on);
    }

    /** True when PyTorch trains this run. */
    public boolean pytorch() {
        return engine == Engine.PYTORCH;
    }
}
