"""What this Python offers ReproLab: its version and path, torch's version, CUDA and the GPU."""

import platform
import sys


def probe():
    """A dict for ``reprolab doctor`` and the app; ``torch`` is null when it cannot be imported."""
    facts = {"python": platform.python_version(), "executable": sys.executable, "torch": None,
             "cuda": False, "gpu": None, "cudnn": None, "mkldnn": False, "blas": None,
             "referenceBlas": False, "error": None}
    try:
        import torch
    except ImportError as e:
        facts["error"] = str(e)
        return facts
    facts["torch"] = torch.__version__
    facts["mkldnn"] = bool(torch.backends.mkldnn.is_available())
    from .settings import blas_library, is_reference_blas
    facts["blas"] = blas_library()
    facts["referenceBlas"] = is_reference_blas(facts["blas"])
    facts["cuda"] = bool(torch.cuda.is_available())
    if facts["cuda"]:
        facts["gpu"] = torch.cuda.get_device_name(0)
        facts["cudnn"] = torch.backends.cudnn.version()
    return facts
