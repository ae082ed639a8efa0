"""Seeds torch, ``random`` and numpy before the script starts, and notices when the script seeds
them itself (its own seed then wins: it is set after ours; the run records that it did)."""

import functools
import random
from typing import Any, Callable, List

import torch

NUMPY_SEED_BITS = 32  # numpy's legacy seed takes 0 .. 2^32-1


class SeedLog:
    """The seeding calls the script made, e.g. ``torch.manual_seed(0)``, in order."""

    def __init__(self) -> None:
        self.calls: List[str] = []
        self.depth = 0  # torch.manual_seed calls torch.cuda.manual_seed_all: one call, not two

    def note(self, call: str) -> None:
        if len(self.calls) < 20:
            self.calls.append(call)


def seed_everything(seed: int) -> List[str]:
    """Seeds every generator the script is likely to use; returns what was seeded."""
    random.seed(seed)
    torch.manual_seed(seed)  # also every CUDA device's generator
    seeded = ["random", "torch"]
    try:
        import numpy
    except ImportError:
        return seeded
    numpy.random.seed(seed % (1 << NUMPY_SEED_BITS))
    seeded.append("numpy")
    return seeded


def watch_script_seeding(log: SeedLog) -> None:
    """Wraps the seeding functions so that calls made from now on (by the script) are logged."""
    torch.manual_seed = _logged(torch.manual_seed, "torch.manual_seed", log)
    torch.random.manual_seed = torch.manual_seed
    torch.cuda.manual_seed = _logged(torch.cuda.manual_seed, "torch.cuda.manual_seed", log)
    torch.cuda.manual_seed_all = _logged(torch.cuda.manual_seed_all, "torch.cuda.manual_seed_all", log)
    random.seed = _logged(random.seed, "random.seed", log)
    try:
        import numpy
    except ImportError:
        return
    numpy.random.seed = _logged(numpy.random.seed, "numpy.random.seed", log)


def _logged(function: Callable[..., Any], name: str, log: SeedLog) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        shown = ", ".join([repr(a)[:40] for a in args] + ["%s=%r" % kv for kv in kwargs.items()])
        if not log.depth:
            log.note("%s(%s)" % (name, shown))
        log.depth += 1
        try:
            return function(*args, **kwargs)
        finally:
            log.depth -= 1
    return wrapper
