"""Events as one JSON line each on stdout, in the field names of ``reprolab.events``."""

import json
import os
import sys

EXIT_FINISHED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_ORPHANED = 3
# the event format of ``reprolab.events.EventCodec.FORMAT_VERSION`` (2: provenance has the data
# checksums and the CPU flags), in every line, so a line is read the same wherever it was relayed from
FORMAT_VERSION = 2


class EventWriter:
    """Owns the process's real stdout; ``print`` elsewhere goes to stderr so nothing else can be
    mistaken for an event. A closed pipe means the launcher is gone: exit at once."""

    def __init__(self):
        self._out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
        sys.stdout = sys.stderr

    def write(self, event_type, **fields):
        line = json.dumps(dict(type=event_type, formatVersion=FORMAT_VERSION, **fields), allow_nan=False, separators=(",", ":"))
        try:
            self._out.write(line + "\n")
            self._out.flush()
        except (BrokenPipeError, OSError):
            os._exit(EXIT_ORPHANED)


def finite_or_none(value):
    """NaN and infinities are not JSON: written as null (as Jackson does with the Java side's NaN)."""
    return None if value is None or value != value or value in (float("inf"), float("-inf")) else value
