"""ReproLab's probe: runs a user's own, unchanged PyTorch training script and reports what it trains.

Started as ``python3 -m reprolab_probe [options] SCRIPT [ARGS...]`` (see ``__main__``). The probe
seeds torch, ``random`` and numpy, wraps every optimizer's ``step`` and ``torch.autograd.backward``,
and writes one event per step (iteration 0 = the parameters as the first step finds them) in the
event format of ReproLab's engines (``reprolab.events``), on a channel of its own: the script's
stdout and stderr stay the script's.

Why a ``runpy`` launcher and not a ``sitecustomize.py`` on ``PYTHONPATH``: a ``sitecustomize`` of
ours would hide the one a distribution or virtualenv ships (Debian has one), and it would load into
every Python the script starts (DataLoader workers, subprocesses), each of which would then write
events of its own. ``runpy.run_path`` runs the script as ``__main__`` in this one process, with
``sys.argv`` and ``sys.path[0]`` as ``python3 SCRIPT ARGS`` would set them.
"""

from typing import Final

PROBE_VERSION: Final = "1"
