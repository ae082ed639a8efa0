"""The networks of ``reprolab.worker.ModelFactory`` and ``CustomModelBuilder``, in PyTorch.

Every model is a layer list in the experiment file's terms (``model.layers``); seed-cnn and tiny
are the lists ``SHIPPED`` gives, so one builder makes all three. Layer names are those of
``reprolab.experiment.LayerShapes`` (conv_0, pool_0, dropout_0, batchnorm_0, dense_0, output), and
each dropout layer's mask seed uses its index in the DL4J layer list, where flatten is not a layer
(DL4J flattens before a dense layer by itself): a run's fingerprint rows line up with DL4J's.

As DL4J: "same" padding puts the odd pixel at the bottom/right; max pooling never picks padding and
average pooling does not count it (DL4J's ``avgPoolIncludePadInDivisor`` is false); batch norm keeps
gamma, beta, the running mean and the running variance as its parameters (DL4J's four; DL4J stores
log10 of the standard deviation where PyTorch stores the variance, so the counts match, not the
meaning), with DL4J's decay as ``1 - momentum``. Weights are drawn as DL4J draws them
(``initializers``), biases and beta start at zero, gamma at one.
"""

from typing import Dict, List, Optional, Tuple

import torch
from torch import nn
import torch.nn.functional as F

from . import initializers
from .splitmix import mix64, MASK64, GOLDEN_GAMMA

SHIPPED = {
    "seed-cnn": [{"type": "conv2d", "filters": 32, "kernel": 3}, {"type": "conv2d", "filters": 32, "kernel": 3},
                 {"type": "maxpool2d", "size": 2}, {"type": "dropout", "rate": 0.25}, {"type": "flatten"},
                 {"type": "dense", "units": 512}, {"type": "dropout", "rate": 0.5}, {"type": "output"}],
    "tiny": [{"type": "conv2d", "filters": 4, "kernel": 3}, {"type": "maxpool2d", "size": 2},
             {"type": "dropout", "rate": 0.25}, {"type": "flatten"}, {"type": "dense", "units": 32},
             {"type": "dropout", "rate": 0.5}, {"type": "output"}],
}

PREFIX = {"conv2d": "conv", "maxpool2d": "pool", "avgpool2d": "pool", "dropout": "dropout", "batchnorm": "batchnorm",
          "flatten": "flatten", "dense": "dense", "output": "output"}

ACTIVATIONS = {"relu": F.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda x: x, "elu": F.elu,
               "selu": F.selu, "softplus": F.softplus, "softsign": F.softsign}


class ModelError(Exception):
    """A layer list the builder cannot make (the validator refuses these first)."""


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
        if not self.training or self.keep >= 1.0:
            return x
        self._generator.manual_seed(mask_seed(self.seed, self.layer_index, self.iteration))
        mask = torch.empty(x.shape, dtype=x.dtype).bernoulli_(self.keep, generator=self._generator)
        return x * mask.to(x.device) / self.keep


def same_padding(size, kernel, stride):
    """(before, after) padding of one side for "same": the output is ceil(size / stride), the odd
    pixel goes after (DL4J's and TensorFlow's rule)."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


class Conv(nn.Module):
    """A square convolution with its activation; "same" pads explicitly (PyTorch's own "same" has
    no stride) so the output size is Keras' and DL4J's."""

    def __init__(self, spec, channels, height, width):
        super().__init__()
        self.kernel, self.stride = spec["kernel"], spec.get("stride") or 1
        self.conv = nn.Conv2d(channels, spec["filters"], self.kernel, stride=self.stride)
        self.activation = ACTIVATIONS[spec.get("activation") or "relu"]
        self.padding = _padding(spec, height, width, self.kernel, self.stride)
        self.fans = initializers.conv_fans(channels, spec["filters"], self.kernel, self.stride)

    weight = property(lambda self: self.conv.weight)
    bias = property(lambda self: self.conv.bias)

    def forward(self, x):
        if self.padding is not None:
            x = F.pad(x, self.padding)
        return self.activation(self.conv(x))


class Pool(nn.Module):
    """Max or average pooling over a square window."""

    def __init__(self, spec, height, width):
        super().__init__()
        self.size = spec["size"]
        self.stride = spec.get("stride") or self.size
        self.average = spec["type"] == "avgpool2d"
        self.padding = _padding(spec, height, width, self.size, self.stride)

    def forward(self, x):
        if self.padding is None:
            pool = F.avg_pool2d if self.average else F.max_pool2d
            return pool(x, self.size, self.stride)
        if not self.average:
            return F.max_pool2d(F.pad(x, self.padding, value=float("-inf")), self.size, self.stride)
        # the mean over the window's real pixels only: sum of the zero-padded input / count of real pixels
        ones = torch.ones_like(x[:1, :1])
        total = F.avg_pool2d(F.pad(x, self.padding), self.size, self.stride)
        return total / F.avg_pool2d(F.pad(ones, self.padding), self.size, self.stride)


def _padding(spec, height, width, kernel, stride):
    if (spec.get("padding") or "valid") != "same":
        return None
    top, bottom = same_padding(height, kernel, stride)
    left, right = same_padding(width, kernel, stride)
    return left, right, top, bottom


class Dense(nn.Module):
    """A fully connected layer with its activation (the output layer's is softmax, in the loss)."""

    def __init__(self, inputs, units, activation):
        super().__init__()
        self.linear = nn.Linear(inputs, units)
        self.activation = activation
        self.fans = (float(inputs), float(units))

    weight = property(lambda self: self.linear.weight)
    bias = property(lambda self: self.linear.bias)

    def forward(self, x):
        x = self.linear(x)
        return x if self.activation is None else self.activation(x)


class BatchNorm(nn.Module):
    """Batch norm per channel of an image, or per feature of a flat input; decay = Keras' momentum."""

    def __init__(self, spec, features, image):
        super().__init__()
        kind = nn.BatchNorm2d if image else nn.BatchNorm1d
        momentum = spec.get("momentum")
        epsilon = spec.get("epsilon")
        self.norm = kind(features, eps=1e-3 if epsilon is None else epsilon,
                         momentum=1.0 - (0.99 if momentum is None else momentum))

    def forward(self, x):
        return self.norm(x)


def layer_tensors(module) -> List[torch.Tensor]:
    """A parameter layer's values in DL4J's order: weight, bias (batch norm: and its running mean
    and variance). Fingerprints, snapshots and the perturbation all read this list."""
    if isinstance(module, BatchNorm):
        return [module.norm.weight, module.norm.bias, module.norm.running_mean, module.norm.running_var]
    return [module.weight, module.bias]


def layer_names(layers) -> List[str]:
    """The stable names of ``LayerShapes.names``."""
    counts: Dict[str, int] = {}
    names = []
    for spec in layers:
        if spec["type"] == "output":
            names.append("output")
            continue
        if spec.get("type") not in PREFIX:
            raise ModelError("layer type %r is not supported by the PyTorch worker" % spec.get("type"))
        prefix = PREFIX[spec["type"]]
        counts[prefix] = counts.get(prefix, -1) + 1
        names.append("%s_%d" % (prefix, counts[prefix]))
    return names


class Net(nn.Module):
    """A ReproLab model; ``parameter_layers()`` gives (DL4J-style name, module) in forward order."""

    def __init__(self, layers, rows, cols, classes, dropout_seed):
        super().__init__()
        self.rows, self.cols = rows, cols
        self.steps = nn.ModuleList()
        self.names: List[str] = []
        self.initializers: List[Optional[str]] = []
        shape: Tuple = (1, rows, cols)  # (channels, height, width), or (features,) once flat
        dl4j_index = 0
        for spec, name in zip(layers, layer_names(layers)):
            module, shape = self._layer(spec, shape, classes, dropout_seed, dl4j_index)
            if spec["type"] != "flatten":
                dl4j_index += 1
            self.steps.append(module)
            self.names.append(name)
            self.initializers.append(spec.get("initializer"))

    @staticmethod
    def _layer(spec, shape, classes, dropout_seed, index):
        kind = spec["type"]
        if kind == "conv2d":
            module = Conv(spec, *shape)
            return module, (spec["filters"],) + _image_out(shape, module.kernel, module.stride, module.padding)
        if kind in ("maxpool2d", "avgpool2d"):
            module = Pool(spec, shape[1], shape[2])
            return module, (shape[0],) + _image_out(shape, module.size, module.stride, module.padding)
        if kind == "dropout":
            return SeededDropout(1.0 - spec["rate"], dropout_seed, index), shape
        if kind == "batchnorm":
            return BatchNorm(spec, shape[0], len(shape) == 3), shape
        if kind == "flatten":
            return nn.Flatten(), (_size(shape),)
        # DL4J flattens an image before a dense layer by itself ([channels, height, width] order, as here)
        if kind == "dense":
            return nn.Sequential(nn.Flatten(), Dense(_size(shape), spec["units"],
                                                     ACTIVATIONS[spec.get("activation") or "relu"])), (spec["units"],)
        if kind == "output":
            return nn.Sequential(nn.Flatten(), Dense(_size(shape), classes, None)), (classes,)
        raise ModelError("layer type %r is not supported by the PyTorch worker" % kind)

    def parameter_layers(self):
        return [(name, _unwrap(step)) for name, step in zip(self.names, self.steps) if _unwrap(step) is not None]

    def initialised_layers(self):
        """(module, its own initialiser or None) of the layers with drawn weights, in forward order."""
        return [(_unwrap(step), init) for step, init in zip(self.steps, self.initializers)
                if isinstance(_unwrap(step), (Conv, Dense))]

    def set_iteration(self, iteration):
        """The update about to be computed (0-based), for the dropout masks."""
        for step in self.steps:
            if isinstance(step, SeededDropout):
                step.iteration = iteration

    def forward(self, flat):
        x = flat.view(-1, 1, self.rows, self.cols)
        for step in self.steps:
            x = step(x)
        return x  # logits; softmax is inside the loss and the metrics


def _unwrap(step):
    """The parameter layer inside a step (dense and output sit behind a flatten), or None."""
    if isinstance(step, nn.Sequential):
        step = step[-1]
    return step if isinstance(step, (Conv, Dense, BatchNorm)) else None


def _image_out(shape, kernel, stride, padding):
    _, height, width = shape
    if padding is not None:
        return -(-height // stride), -(-width // stride)
    return (height - kernel) // stride + 1, (width - kernel) // stride + 1


def _size(shape):
    size = 1
    for n in shape:
        size *= n
    return size


def layers_of(model_spec):
    """The layer list of the spec's model: the shipped one, or ``model.layers`` of a custom model."""
    name = model_spec["name"]
    if name == "custom":
        return model_spec.get("layers") or []
    if name not in SHIPPED:
        raise ModelError("model.name %r is not one of seed-cnn, tiny, custom" % name)
    return SHIPPED[name]


def initialise(net, initializer, seed):
    """Weights from one generator seeded with the weight-init seed, in forward order, with the
    distribution and fans DL4J uses (``initializers``; a layer's own initialiser overrides the
    model's); biases zero (DL4J's default)."""
    generator = torch.Generator()
    generator.manual_seed(seed & MASK64)
    with torch.no_grad():
        for layer, own in net.initialised_layers():
            initializers.draw(layer.weight, own or initializer, *layer.fans, generator)
            layer.bias.zero_()


def build(model_spec, rows, cols, classes, seeds, dtype, device):
    """The initialised network on ``device`` in ``dtype`` (initialised on the CPU in float32 first,
    so every backend and data type starts from the same draws)."""
    net = Net(layers_of(model_spec), rows, cols, classes, seeds["dropout"])
    initialise(net, model_spec["initializer"], seeds["weightInit"])
    return net.to(device=device, dtype=dtype)
