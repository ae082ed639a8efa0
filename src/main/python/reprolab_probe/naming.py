"""Names for the parameters an optimizer holds, as the module that owns them names them.

The optimizer only holds tensors; their names live in the ``nn.Module`` tree the script built. The
probe looks for that tree once, at the first step: every live module that is no other module's child
is a root, and a root's ``named_parameters()`` gives ``conv1.weight``, ``0.bias``, ... When the
parameters come from several roots (a GAN's generator and discriminator) each name is prefixed
with the root's variable name in the script (``netG.main.0.weight``), else its class name. A tensor
no module owns is named by its place in the optimizer: ``opt0.group0.param3 [64x32]``.
"""

import gc
import sys
import warnings
from typing import Dict, List, Sequence, Tuple

import torch


def live_roots() -> List[torch.nn.Module]:
    with warnings.catch_warnings():  # some of torch's own objects warn when their class is looked at
        warnings.simplefilter("ignore")
        modules = [o for o in gc.get_objects() if isinstance(o, torch.nn.Module)]
    children = {id(c) for m in modules for c in m.children()}
    return [m for m in modules if id(m) not in children]


def root_labels(roots: Sequence[torch.nn.Module]) -> Dict[int, str]:
    """The script's global variable name of each root module, or its class name."""
    main = sys.modules.get("__main__")
    names: Dict[int, str] = {}
    for key, value in (vars(main).items() if main is not None else ()):
        if isinstance(value, torch.nn.Module) and id(value) not in names and not key.startswith("_"):
            names[id(value)] = key
    return {id(r): names.get(id(r), type(r).__name__) for r in roots}


def name_parameters(groups: Sequence[Tuple[int, int, int, torch.Tensor]]) -> Dict[int, str]:
    """``groups``: (optimizer index, group index, position, tensor). Returns tensor id -> name."""
    wanted = {id(t) for _, _, _, t in groups}
    owners: List[Tuple[torch.nn.Module, Dict[int, str]]] = []
    for root in live_roots():
        owned = {id(p): n for n, p in root.named_parameters() if id(p) in wanted}
        if owned:
            owners.append((root, owned))
    owners.sort(key=lambda o: -len(o[1]))  # the root owning most wins a tensor two roots share
    labels = root_labels([r for r, _ in owners])
    names: Dict[int, str] = {}
    for root, owned in owners:
        for tensor_id, name in owned.items():
            if tensor_id not in names:
                names[tensor_id] = name if len(owners) == 1 else "%s.%s" % (labels[id(root)], name)
    for optimizer, group, position, tensor in groups:
        if id(tensor) not in names:
            shape = "x".join(str(s) for s in tensor.shape) or "scalar"
            names[id(tensor)] = "opt%d.group%d.param%d [%s]" % (optimizer, group, position, shape)
    return unique(names)


def unique(names: Dict[int, str]) -> Dict[int, str]:
    """Two roots of one class and no variable names: the second ``Net.fc.weight`` becomes ``Net#2.fc.weight``."""
    seen: Dict[str, int] = {}
    result: Dict[int, str] = {}
    for tensor_id, name in names.items():
        count = seen.get(name, 0) + 1
        seen[name] = count
        result[tensor_id] = name if count == 1 else "%s#%d" % (name, count)
    return result
