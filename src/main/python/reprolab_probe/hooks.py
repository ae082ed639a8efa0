"""The two patches that let the probe see training without the script's help: every optimizer
gets its ``step`` wrapped when it is built, and ``torch.autograd.backward`` (which
``Tensor.backward`` calls) tells the probe the loss.

``torch.optim.Optimizer.__init__`` is patched rather than each class's ``step``: torch 1.13 has no
step hooks, and every optimizer, built-in, third-party or defined in the script, runs that
``__init__``. The wrapper is a bound method on the instance, so an LR scheduler (which rewraps
``optimizer.step`` through ``__func__``) keeps working, and a second optimizer is seen as well.
"""

import types
from typing import Any

import torch

from .recorder import Recorder


def install(recorder: Recorder) -> None:
    original_init = torch.optim.Optimizer.__init__

    def init(self: torch.optim.Optimizer, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        if "step" not in vars(self):
            recorder.adopt(self)
            self.step = types.MethodType(_recorded_step(recorder), self)

    torch.optim.Optimizer.__init__ = init
    original_backward = torch.autograd.backward

    def backward(tensors: Any, *args: Any, **kwargs: Any) -> Any:
        recorder.saw_backward(tensors)
        return original_backward(tensors, *args, **kwargs)

    torch.autograd.backward = backward


def _recorded_step(recorder: Recorder) -> Any:
    def step(self: torch.optim.Optimizer, *args: Any, **kwargs: Any) -> Any:
        return recorder.step(types.MethodType(type(self).step, self), args, kwargs)
    return step
