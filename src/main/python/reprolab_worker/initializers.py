"""The five weight initialisers, as DL4J 1.0.0-M2.1 draws them (``WeightInit``), on the CPU.

=================  ============  ==============================  ==========================
ReproLab name      DL4J          distribution                    Keras' differs
=================  ============  ==============================  ==========================
xavier-uniform     XAVIER_UNIFORM U(-a, a), a = sqrt(6/(in+out))  same
he-uniform         RELU_UNIFORM  U(-a, a), a = sqrt(6/in)        same
xavier-normal      XAVIER        N(0, 2/(in+out)), untruncated   truncated at 2 sd
he-normal          RELU          N(0, 2/in), untruncated         truncated at 2 sd
lecun-normal       LECUN_NORMAL  N(0, 1/in), untruncated         truncated at 2 sd
=================  ============  ==============================  ==========================

(Keras' glorot_normal, he_normal and lecun_normal draw from a normal truncated at two standard
deviations and rescaled, so their variance is the same but no weight lies beyond 2 sd.)

Fans as DL4J computes them: a dense layer's are nIn and nOut; a convolution's are
``in_channels * kh * kw`` and ``out_channels * kh * kw / (stride_h * stride_w)``
(``ConvolutionParamInitializer``; Keras does not divide fan-out by the stride, so Xavier on a
strided convolution has another range there).

The draws come from one ``torch.Generator`` seeded with the weight-init seed, layer after layer in
forward order, in float32 on the CPU: every device and data type starts from the same values.
"""

import math
from typing import Tuple

import torch

UNIFORM = {"xavier-uniform", "he-uniform"}
NORMAL = {"xavier-normal", "he-normal", "lecun-normal"}
NAMES = UNIFORM | NORMAL


def scale(initializer: str, fan_in: float, fan_out: float) -> float:
    """The uniform bound a (uniform ones) or the standard deviation (normal ones)."""
    if initializer == "xavier-uniform":
        return math.sqrt(6.0 / (fan_in + fan_out))
    if initializer == "he-uniform":
        return math.sqrt(6.0 / fan_in)
    if initializer == "xavier-normal":
        return math.sqrt(2.0 / (fan_in + fan_out))
    if initializer == "he-normal":
        return math.sqrt(2.0 / fan_in)
    if initializer == "lecun-normal":
        return math.sqrt(1.0 / fan_in)
    raise ValueError("model.initializer %r is not one of %s" % (initializer, ", ".join(sorted(NAMES))))


def conv_fans(in_channels: int, out_channels: int, kernel: int, stride: int) -> Tuple[float, float]:
    """DL4J's fans of a square convolution (fan-out divided by the stride's area)."""
    receptive = kernel * kernel
    return float(in_channels * receptive), out_channels * receptive / float(stride * stride)


def draw(weight: torch.Tensor, initializer: str, fan_in: float, fan_out: float, generator: torch.Generator) -> None:
    """Fills ``weight`` (a float32 CPU tensor) in place from ``generator``."""
    s = scale(initializer, fan_in, fan_out)
    with torch.no_grad():
        if initializer in UNIFORM:
            weight.uniform_(-s, s, generator=generator)
        else:
            weight.normal_(0.0, s, generator=generator)
