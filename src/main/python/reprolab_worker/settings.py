"""The execution knobs PyTorch really has, applied before anything is computed, and the
provenance that records them.

threads -> ``torch.set_num_threads`` (OMP_NUM_THREADS/MKL_NUM_THREADS are set by the launcher
before the process starts); helpers -> ``torch.backends.mkldnn.enabled`` on the CPU,
``torch.backends.cudnn.enabled`` on a GPU; deterministicAlgorithms ->
``torch.use_deterministic_algorithms`` (CUBLAS_WORKSPACE_CONFIG=:4096:8 is set by the launcher,
and here too when missing, since cuBLAS reads it at its first call); cudnnBenchmark ->
``torch.backends.cudnn.benchmark``; backend -> the device; dataType -> float32/float64.
"""

import os
import platform
import sys

import torch

from . import WORKER_VERSION, provenance

STEERING_ENVIRONMENT = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "CUBLAS_WORKSPACE_CONFIG",
                        "CUDA_VISIBLE_DEVICES", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "DNNL_VERBOSE",
                        "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "GLIBC_TUNABLES",
                        "OPENBLAS_THREAD_TIMEOUT")


class SettingError(Exception):
    """A setting cannot take effect on this machine (e.g. cuda without a GPU)."""


def apply(execution):
    """Applies the knobs and returns (device, dtype)."""
    cuda = execution["backend"] == "cuda"
    if cuda and not torch.cuda.is_available():
        raise SettingError("execution.backend is 'cuda' but this PyTorch (%s) sees no usable GPU "
                           "(torch.cuda.is_available() is False)" % torch.__version__)
    torch.set_num_threads(execution["threads"])
    torch.backends.mkldnn.enabled = bool(execution["helpers"]) or cuda
    torch.backends.cudnn.enabled = bool(execution["helpers"]) or not cuda
    torch.backends.cudnn.benchmark = bool(execution.get("cudnnBenchmark", False))
    if execution.get("deterministicAlgorithms", False):
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True)
    else:
        torch.use_deterministic_algorithms(False)
    dtype = torch.float64 if execution["dataType"] == "double" else torch.float32
    return torch.device("cuda" if cuda else "cpu"), dtype


def helpers_active(execution):
    """Whether the vendor kernels of the chosen device (oneDNN or cuDNN) may run."""
    if execution["backend"] == "cuda":
        return torch.backends.cudnn.enabled and torch.backends.cudnn.is_available()
    return torch.backends.mkldnn.enabled and torch.backends.mkldnn.is_available()


def device_name(device):
    if device.type == "cuda":
        return "%s (driver %s)" % (torch.cuda.get_device_name(device), driver_version())
    return cpu_model()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return "%s x%d" % (line.split(":", 1)[1].strip(), os.cpu_count())
    except OSError:
        pass
    return "%s x%d" % (platform.machine(), os.cpu_count())


def driver_version():
    """The NVIDIA driver version, from the kernel module (no nvidia-smi needed)."""
    try:
        with open("/proc/driver/nvidia/version") as f:
            first = f.readline()
        for word in first.split():
            if word[:1].isdigit() and "." in word:
                return word
    except OSError:
        pass
    return "unknown"


def versions():
    """Library versions, for the started event (the same on every run of one machine)."""
    cudnn = torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None
    result = {
        "reprolab-python-worker": WORKER_VERSION,
        "python": platform.python_version(),
        "torch": torch.__version__,
        "cuda": str(torch.version.cuda),
        "cudnn": str(cudnn),
        "mkldnn": str(torch.backends.mkldnn.is_available()),
        "hash": "blake2b-64",
        "blas": blas_library(),
    }
    try:
        import numpy
        result["numpy"] = numpy.__version__
    except ImportError:
        pass
    if torch.cuda.is_available():
        result["gpu"] = torch.cuda.get_device_name(0)
        result["driver"] = driver_version()
    return result


def blas_library():
    """The BLAS library file torch's matrix products went to (Linux: read from this process's memory
    map after a product), or "linked into torch" when none is mapped (pip wheels link MKL in).

    Why it matters: Debian's python3-torch uses whichever libblas.so.3 the system's alternatives
    name; the reference BLAS (``.../blas/libblas.so.3``) gave seed-cnn 250-275 ms per iteration where
    OpenBLAS gave 63, and the two give different bits (docs/performance.md, round 5)."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))  # loads a lazily bound BLAS
    try:
        with open("/proc/self/maps") as maps:
            paths = {fields[-1] for fields in map(str.split, maps) if len(fields) >= 6}
    except OSError:
        return "unknown (no /proc/self/maps)"
    found = sorted(os.path.realpath(p) for p in paths
                   if os.path.basename(p).startswith(("libblas", "libopenblas", "libmkl_rt", "libblis")))
    return ", ".join(found) if found else "linked into torch"


def is_reference_blas(library):
    """Debian's and Ubuntu's reference BLAS lives in a folder named blas (OpenBLAS, BLIS in their own)."""
    return any(os.path.basename(os.path.dirname(p)) == "blas" for p in library.split(", "))


def native_build():
    """torch's build: version, git hash, and the parallel and vendor libraries it was built with
    (e.g. "torch 1.13.0a0 (Unknown) | OpenMP 201511 | MKL not found | Intel(R) MKL-DNN v2.6.3 | CUDA None")."""
    wanted = ("OpenMP", "MKL", "Intel(R) MKL-DNN", "ATen parallel backend")
    lines = [line.strip() for line in torch.__config__.parallel_info().splitlines()]
    parts = ["torch %s (%s)" % (torch.__version__, getattr(torch.version, "git_version", "unknown")[:12])]
    parts += [line.replace(" (Git Hash N/A)", "") for line in lines if line.startswith(wanted) and " : " not in line]
    parts.append("CUDA %s" % torch.version.cuda)
    return " | ".join(parts)


def environment():
    """The steering variables that are set, and the state of every knob."""
    env = {name: os.environ[name] for name in STEERING_ENVIRONMENT if name in os.environ}
    # the knobs' actual state: a report's provenance diff names the one that differs
    env["torch.num_threads"] = str(torch.get_num_threads())
    env["torch.backends.mkldnn.enabled"] = str(torch.backends.mkldnn.enabled)
    env["torch.backends.cudnn.enabled"] = str(torch.backends.cudnn.enabled)
    env["torch.backends.cudnn.benchmark"] = str(torch.backends.cudnn.benchmark)
    env["torch.deterministic_algorithms"] = str(torch.are_deterministic_algorithms_enabled())
    env["torch.num_interop_threads"] = str(torch.get_num_interop_threads())
    env["hostname"] = provenance.hostname()  # the key the Java worker uses: which node of a cluster
    return env


def runtime():
    return "Python %s %s (%s)" % (platform.python_version(), platform.python_implementation(), sys.executable)


def os_name():
    return "%s %s %s" % (platform.system(), platform.release(), platform.machine())
