"""Where the probe's events go: never the script's stdout.

``stdout`` mode (what ReproLab's launcher uses): the probe keeps the process's original stdout
(fd 1, the launcher's pipe or the Slurm task's event file) for itself and points fd 1 at stderr
before the script runs, so whatever the script, its C extensions or its subprocesses print goes to
the run's log, and only events reach the pipe. ``file`` mode: events are appended to a file and the
script's streams are left alone (tests, hand use).
"""

import json
import os
import sys
import threading
from typing import Any, Optional, TextIO

EVENTS_ENV = "REPROLAB_PROBE_EVENTS"
"""``stdout`` (the default) or the path of a file to append events to."""

FORMAT_VERSION = 2
"""``reprolab.events.EventCodec.FORMAT_VERSION``: the lines are read by the same decoder as the engines'."""


class EventChannel:
    """One JSON line per event, written whole under a lock (the time-limit watchdog writes too)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._lock = threading.Lock()

    @classmethod
    def open(cls, target: Optional[str]) -> "EventChannel":
        if target and target != "stdout":
            return cls(open(target, "a", encoding="utf-8"))
        sys.stdout.flush()
        events_fd = os.dup(1)  # not inheritable: the script's subprocesses never get it
        os.dup2(2, 1)
        return cls(os.fdopen(events_fd, "w", encoding="utf-8"))

    def write(self, event_type: str, **fields: Any) -> None:
        line = json.dumps(dict(type=event_type, formatVersion=FORMAT_VERSION, **fields), allow_nan=False,
                          separators=(",", ":"))
        with self._lock:
            try:
                self._out.write(line + "\n")
                self._out.flush()
            except (BrokenPipeError, OSError):
                os._exit(3)  # the launcher is gone: nobody reads this run any more


def finite_or_nan(value: Optional[float]) -> Any:
    """A float as JSON: NaN and infinities as the strings Jackson writes and reads for them."""
    if value is None:
        return None
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return value
