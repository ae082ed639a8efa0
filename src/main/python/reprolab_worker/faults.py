"""Deliberate faults for tests, as the Java worker's ``FaultInjection``: the environment variable
REPROLAB_INJECT_FAULT = nan-loss@K | crash@K | hang@K (never set by the app)."""

import os
import re
import sys
import time

VARIABLE = "REPROLAB_INJECT_FAULT"


class FaultInjection:
    def __init__(self, kind="none", iteration=-1):
        self.kind, self.iteration = kind, iteration

    @classmethod
    def from_environment(cls):
        value = os.environ.get(VARIABLE, "")
        match = re.fullmatch(r"(nan-loss|crash|hang)@(\d{1,9})", value)
        if not match:
            return cls()
        print("reprolab worker: fault injection %s is on" % value, file=sys.stderr)
        return cls(match.group(1), int(match.group(2)))

    def at_iteration(self, k, loss):
        """The loss to report for update k, after acting out any fault due then."""
        if k != self.iteration:
            return loss
        if self.kind == "nan-loss":
            return float("nan")
        if self.kind == "crash":
            sys.stderr.write("reprolab worker: injected crash at iteration %d\n" % k)
            sys.stderr.flush()
            os._exit(134)
        if self.kind == "hang":
            while True:
                time.sleep(3600)
        return loss
