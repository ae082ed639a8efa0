"""The deliberate perturbation of ``reprolab.worker.Perturber``: +/-epsilon on a fraction of one
layer's parameters (its weight then bias, batch norm's running statistics after them, flattened), chosen with the perturbation's own seed;
where rounding would swallow epsilon, one unit in the last place instead."""

import math

import numpy
import torch

from .model import layer_tensors
from .splitmix import SplittableRandom


def perturb(net, spec):
    """Changes the layer in place and returns how many parameters changed."""
    layer = dict(net.parameter_layers())[spec["layer"]]
    tensors = layer_tensors(layer)
    flat = numpy.concatenate([t.detach().cpu().numpy().ravel() for t in tensors])
    length = flat.size
    count = int(max(1, min(length, math.floor(spec["fraction"] * length + 0.5))))
    rng = SplittableRandom(spec["seed"])
    pool = list(range(length))
    for i in range(count):
        j = i + rng.next_int(length - i)
        pool[i], pool[j] = pool[j], pool[i]
    for index in pool[:count]:
        delta = spec["epsilon"] if rng.next_boolean() else -spec["epsilon"]
        flat[index] = nudge(flat[index], delta)
    with torch.no_grad():
        offset = 0
        for t in tensors:
            n = t.numel()
            t.copy_(torch.from_numpy(flat[offset:offset + n].reshape(t.shape)))
            offset += n
    return count


def nudge(value, delta):
    """value + delta in value's own precision, or the next representable value toward delta's sign."""
    kind = type(value)
    moved = kind(float(value) + delta)
    if moved != value:
        return moved
    return numpy.nextafter(value, kind(math.inf if delta > 0 else -math.inf))
