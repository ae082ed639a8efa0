"""Exact fingerprints of the parameters: a 64-bit hash of each layer's raw bytes and its L2 norm.

The Java worker uses xxHash64; no xxhash module is installed with Debian's or the GPU machine's
PyTorch, and a pure-Python xxHash64 would take a second per seed-cnn iteration, so this engine
uses BLAKE2b with an 8-byte digest (hashlib, C speed). Equal hashes still mean bitwise-equal
parameters; PyTorch hashes are comparable with PyTorch hashes only (a different model anyway).
A layer's bytes are its weight then its bias (batch norm: then its running mean and variance), contiguous, in the machine's (little-endian) order.
"""

import hashlib
import math
import struct

from .model import layer_tensors


def _hash(data):
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def layer_bytes(module):
    """The raw bytes of a layer's parameters (``layer_tensors``' order), copied to the CPU."""
    chunks = []
    for tensor in layer_tensors(module):
        chunks.append(tensor.detach().to("cpu").contiguous().numpy().tobytes())
    return b"".join(chunks)


def layers(net):
    """One ``{layer, hash, norm}`` per parameter layer, in forward order."""
    result = []
    for name, module in net.parameter_layers():
        squares = 0.0
        for tensor in layer_tensors(module):
            squares += float(tensor.detach().double().pow(2).sum())
        result.append({"layer": name, "hash": _hash(layer_bytes(module)), "norm": math.sqrt(squares)})
    return result


def model_hash(layer_prints):
    """Hash of the layer hashes (8 bytes each, big-endian, in forward order), as the Java side combines them."""
    combined = b"".join(struct.pack(">Q", int(p["hash"], 16)) for p in layer_prints)
    return _hash(combined)
