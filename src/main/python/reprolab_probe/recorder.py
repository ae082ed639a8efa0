"""Turns the script's optimizer steps into iteration events.

Iteration 0 is every parameter of every optimizer's groups as the first ``step`` (of any optimizer)
finds them; iteration k is the same after the k-th step. With two optimizers (a GAN's pair) the
steps of both count, one iteration each, and each event fingerprints the parameters of both, so the
first differing iteration and parameter are found whichever network parts first. The loss of an
iteration is the scalar whose ``backward()`` came last before its step.
"""

import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import torch

from reprolab_worker.fingerprint import model_hash

from . import checksum, naming
from .channel import EventChannel, finite_or_nan

Layer = Dict[str, Any]


class Recorder:
    """What the probe saw: the optimizers, the last loss, the steps done. Writes the events."""

    def __init__(self, channel: EventChannel, started: Callable[[List[str]], Dict[str, Any]], run_id: str) -> None:
        self._channel = channel
        self._provenance = started
        self._run_id = run_id
        self._optimizers: List[torch.optim.Optimizer] = []
        self._names: Dict[int, str] = {}
        self._signature: Tuple[int, ...] = ()
        self._depth = 0
        self.steps = 0
        self.loss: Optional[float] = None
        self.is_started = False
        self.first_step_at = 0.0

    def adopt(self, optimizer: torch.optim.Optimizer) -> None:
        self._optimizers.append(optimizer)

    def saw_backward(self, tensors: Any) -> None:
        first = tensors if isinstance(tensors, torch.Tensor) else next(iter(tensors), None)
        if isinstance(first, torch.Tensor) and first.numel() == 1:
            self.loss = float(first.detach())

    def step(self, call: Callable[..., Any], args: Sequence[Any], kwargs: Dict[str, Any]) -> Any:
        """Runs one optimizer step between the fingerprints; a step inside a step (a wrapping
        optimizer stepping its inner one) is part of the outer one."""
        if self._depth:
            return call(*args, **kwargs)
        if self.steps == 0:
            self.first_step_at = time.monotonic()
            self.start()
            self._iteration(0, None)
        self._depth += 1
        try:
            result = call(*args, **kwargs)
        finally:
            self._depth -= 1
        if isinstance(result, torch.Tensor) and result.numel() == 1 and self.loss is None:
            self.loss = float(result.detach())  # LBFGS-style: the closure did the backward
        self.steps += 1
        self._iteration(self.steps, self.loss)
        self.loss = None
        return result

    def start(self) -> None:
        """Writes the started event once (also before a failure that came before any step)."""
        if not self.is_started:
            self.is_started = True
            self._channel.write("started", runId=self._run_id, provenance=self._provenance(self._layer_names()))

    def final_hash(self) -> str:
        return model_hash(self.layers())

    def layers(self) -> List[Layer]:
        tensors = self._tensors()
        names = self._names_for(tensors)
        return [{"layer": names[id(t)], "hash": h, "norm": n} for t, (h, n) in zip(tensors, checksum.fingerprints(tensors))]

    def _iteration(self, k: int, loss: Optional[float]) -> None:
        prints = self.layers()
        self._channel.write("iteration", iteration=k, epoch=0, loss=finite_or_nan(loss), accuracy=None, layers=prints,
                            modelHash=model_hash(prints), perturbed=0)

    def _layer_names(self) -> List[str]:
        tensors = self._tensors()
        names = self._names_for(tensors)
        return [names[id(t)] for t in tensors]

    def _tensors(self) -> List[torch.Tensor]:
        seen, tensors = set(), []
        for optimizer in self._optimizers:
            for group in optimizer.param_groups:
                for tensor in group["params"]:
                    if id(tensor) not in seen:
                        seen.add(id(tensor))
                        tensors.append(tensor)
        return tensors

    def _names_for(self, tensors: List[torch.Tensor]) -> Dict[int, str]:
        signature = tuple(id(t) for t in tensors)
        if signature != self._signature:  # a new optimizer or param group: name again
            places = [(o, g, i, t) for o, optimizer in enumerate(self._optimizers)
                      for g, group in enumerate(optimizer.param_groups) for i, t in enumerate(group["params"])]
            self._names = naming.name_parameters(places)
            self._signature = signature
        return self._names
