"""The machine and data facts of a run's provenance that the Java worker records too
(``reprolab.worker.ProvenanceCollector``): the data files' SHA-256, the CPU's feature flags and the
host, written by the worker itself so a run on a cluster node carries them without any relay."""

import hashlib
import os
import socket
from typing import Dict, List

from . import data

CHUNK = 1 << 20


def data_files(data_spec: dict, home: str) -> List[str]:
    """The files a run reads, as the Java side names them (``data.files``, the loader's own rule)."""
    return data.files(data_spec, os.path.abspath(home))


def data_checksums(data_spec: dict, home: str) -> Dict[str, str]:
    """SHA-256 (hex) of every data file by path; an unreadable one gets the reason instead."""
    sums = {}
    for path in data_files(data_spec, home):
        try:
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(CHUNK), b""):
                    digest.update(block)
            sums[path] = digest.hexdigest()
        except OSError as e:
            sums[path] = "unreadable: %s" % (e.strerror or e)
    return sums


def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> str:
    """The first "flags" (x86) or "Features" (ARM) line of cpuinfo, or "" where there is none."""
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("flags") or line.startswith("Features"):
                    return line.split(":", 1)[1].strip() if ":" in line else ""
    except OSError:
        pass
    return ""


def hostname() -> str:
    """The Slurm node the task runs on (two slurmd on one machine share one host name), else the host."""
    node = os.environ.get("SLURMD_NODENAME", "").strip()
    return node or socket.gethostname()
