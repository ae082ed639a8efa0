"""The two networks of ``reprolab.worker.ModelFactory``, in PyTorch.

seed-cnn: conv_0 (32 3x3, ReLU), conv_1 (32 3x3, ReLU), 2x2 max pool, dropout (keep 0.75),
dense_0 (512, ReLU), dropout (keep 0.5), output (softmax). tiny: one conv of 4 filters and a
dense layer of 32. "Valid" convolutions, biases start at zero, weights drawn as DL4J draws them (``initializers``)
from the run's weight-init generator; dropout masks come from a generator reseeded per
(dropout seed, layer, iteration), as ``SeededDropout`` does.
"""

import torch
from torch import nn
import torch.nn.functional as F

from . import initializers
from .splitmix import mix64, MASK64, GOLDEN_GAMMA

# index of each dropout layer in the DL4J layer list (its mask seed depends on it)
CONV_DROPOUT_INDEX = {"seed-cnn": (3, 5), "tiny": (2, 4)}


def mask_seed(seed, layer_index, iteration):
    """As ``SeededDropout.maskSeed``: a strong mix so nearby iterations give unrelated masks."""
    return mix64((mix64((seed ^ 0x5DEECE66D) & MASK64) + layer_index * GOLDEN_GAMMA + iteration) & MASK64)


class SeededDropout(nn.Module):
    """Inverted dropout keeping each unit with ``keep``; the mask is drawn on the CPU, so a GPU run
    and a CPU run of the same seeds drop the very same units."""

    def __init__(self, keep, seed, layer_index):
        super().__init__()
        self.keep, self.seed, self.layer_index = keep, seed, layer_index
        self.iteration = 0
        self._generator = torch.Generator()

    def forward(self, x):
        if not self.training:
            return x
        self._generator.manual_seed(mask_seed(self.seed, self.layer_index, self.iteration))
        mask = torch.empty(x.shape, dtype=x.dtype).bernoulli_(self.keep, generator=self._generator)
        return x * mask.to(x.device) / self.keep


class Net(nn.Module):
    """A ReproLab model; ``parameter_layers()`` gives (DL4J-style name, module) in forward order."""

    def __init__(self, name, rows, cols, classes, dropout_seed):
        super().__init__()
        seed_cnn = name == "seed-cnn"
        filters = 32 if seed_cnn else 4
        dense = 512 if seed_cnn else 32
        self.conv_0 = nn.Conv2d(1, filters, 3)
        self.conv_1 = nn.Conv2d(filters, filters, 3) if seed_cnn else None
        side_r = rows - (4 if seed_cnn else 2)
        side_c = cols - (4 if seed_cnn else 2)
        drop0, drop1 = CONV_DROPOUT_INDEX[name]
        self.dropout_0 = SeededDropout(0.75, dropout_seed, drop0)
        self.dense_0 = nn.Linear(filters * (side_r // 2) * (side_c // 2), dense)
        self.dropout_1 = SeededDropout(0.5, dropout_seed, drop1)
        self.output = nn.Linear(dense, classes)
        self.rows, self.cols = rows, cols

    def parameter_layers(self):
        names = ["conv_0", "conv_1", "dense_0", "output"]
        return [(n, getattr(self, n)) for n in names if getattr(self, n) is not None]

    def set_iteration(self, iteration):
        """The update about to be computed (0-based), for the dropout masks."""
        self.dropout_0.iteration = iteration
        self.dropout_1.iteration = iteration

    def forward(self, flat):
        x = flat.view(-1, 1, self.rows, self.cols)
        x = F.relu(self.conv_0(x))
        if self.conv_1 is not None:
            x = F.relu(self.conv_1(x))
        x = F.max_pool2d(x, 2, 2)
        x = self.dropout_0(torch.flatten(x, 1))
        x = self.dropout_1(F.relu(self.dense_0(x)))
        return self.output(x)  # logits; softmax is inside the loss and the metrics


def initialise(net, initializer, seed):
    """Weights from one generator seeded with the weight-init seed, in forward order, with the
    distribution and fans DL4J uses (``initializers``); biases zero (DL4J's default)."""
    generator = torch.Generator()
    generator.manual_seed(seed & MASK64)
    with torch.no_grad():
        for _, layer in net.parameter_layers():
            weight = layer.weight
            if weight.dim() > 2:
                fan_in, fan_out = initializers.conv_fans(weight.shape[1], weight.shape[0], weight.shape[2], 1)
            else:
                fan_in, fan_out = weight.shape[1], weight.shape[0]
            initializers.draw(weight, initializer, fan_in, fan_out, generator)
            layer.bias.zero_()


def build(model_spec, rows, cols, classes, seeds, dtype, device):
    """The initialised network on ``device`` in ``dtype`` (initialised on the CPU in float32 first,
    so every backend and data type starts from the same draws)."""
    net = Net(model_spec["name"], rows, cols, classes, seeds["dropout"])
    initialise(net, model_spec["initializer"], seeds["weightInit"])
    return net.to(device=device, dtype=dtype)
