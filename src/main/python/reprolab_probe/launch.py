"""One run of a user's script under the probe: settings, seeds, patches, the script, the last event."""

import hashlib
import os
import platform
import runpy
import sys
import threading
import time
import traceback
from typing import Any, Dict, List, Optional

import torch

from reprolab_worker import settings

from . import PROBE_VERSION, hooks, seeding
from .channel import EventChannel
from .recorder import Recorder

EXIT_FINISHED, EXIT_FAILED = 0, 1
TRACEBACK_LINES = 6
NO_STEP = ("the script ended without calling any optimizer's step(), so there was nothing to compare; ReproLab "
           "follows training through torch.optim optimizers (a hand-written update loop is not seen)")


class ScriptRun:
    """``run``: the parsed run spec (runId, spec, seeds) or its stand-in when started by hand."""

    def __init__(self, run: Dict[str, Any], spec_text: str, channel: EventChannel, script: str,
                 args: List[str], time_limit: float) -> None:
        self.run, self.spec_text, self.channel = run, spec_text, channel
        self.script, self.args, self.time_limit = os.path.abspath(script), args, time_limit
        self.seed_log = seeding.SeedLog()
        self.started_at = time.monotonic()
        self.recorder = Recorder(channel, self._provenance, run["runId"])

    def execute(self) -> int:
        execution = (self.run.get("spec") or {}).get("execution")
        if execution is not None:
            try:
                settings.apply(execution)
            except settings.SettingError as e:
                return self._failed(str(e), "error")
        seeding.seed_everything(self.run["seeds"]["script"])
        seeding.watch_script_seeding(self.seed_log)
        hooks.install(self.recorder)
        self._watch_time()
        return self._run_script()

    def _run_script(self) -> int:
        sys.argv = [self.script] + list(self.args)
        sys.path[0] = os.path.dirname(self.script)  # as `python3 SCRIPT` sets it
        try:
            runpy.run_path(self.script, run_name="__main__")
        except SystemExit as e:
            if e.code not in (None, 0):
                return self._failed("the script exited with %s after iteration %d" % (e.code, self.recorder.steps),
                                    "error")
        except BaseException as e:  # the script's own error: its traceback is the reason
            traceback.print_exc()  # into the run's log, whole
            return self._failed("the script stopped with %s after iteration %d:\n%s"
                                % (type(e).__name__, self.recorder.steps, tail(e)), "error")
        if self.recorder.steps == 0:
            return self._failed(NO_STEP, "error")
        sys.stdout.flush()
        training = time.monotonic() - self.recorder.first_step_at
        self.channel.write("finished", finalHash=self.recorder.final_hash(), iterations=self.recorder.steps,
                           wallMs=int((time.monotonic() - self.started_at) * 1000),
                           msPerIteration=training * 1000 / self.recorder.steps,
                           valLoss="NaN", valAccuracy="NaN", stoppedEarly=False, restoredEpoch=-1)
        return EXIT_FINISHED

    def _failed(self, reason: str, cause: str) -> int:
        sys.stdout.flush()
        self.recorder.start()
        last = self.recorder.steps if self.recorder.is_started and self.recorder.steps else -1
        self.channel.write("failed", reason=reason, iteration=last, cause=cause)
        return EXIT_FAILED

    def _watch_time(self) -> None:
        """A script that runs forever is stopped here, on any target (the launcher only sees silence)."""
        if self.time_limit <= 0:
            return

        def stop() -> None:
            self._failed("stopped by the time limit of %gs (--time) after iteration %d"
                         % (self.time_limit, self.recorder.steps), "timeout")
            os._exit(EXIT_FAILED)

        timer = threading.Timer(self.time_limit, stop)
        timer.daemon = True
        timer.start()

    def _provenance(self, layers: List[str]) -> Dict[str, Any]:
        spec = self.run.get("spec")
        execution = (spec or {}).get("execution") or {"backend": "cpu", "helpers": True}
        versions = settings.versions()
        versions["hash"] = "reprolab-probe-dot64"
        versions["reprolab-probe"] = PROBE_VERSION
        return {
            "specHash": hashlib.sha256(self.spec_text.encode("utf-8")).hexdigest(), "spec": spec,
            "seeds": self.run["seeds"], "environment": self._environment(), "backend": "pytorch-script",
            "nativeBuild": settings.native_build(), "helpersActive": bool(settings.helpers_active(execution)),
            "device": settings.device_name(torch.device("cuda" if execution["backend"] == "cuda" else "cpu")),
            "os": settings.os_name(), "java": settings.runtime(), "versions": versions, "layers": layers,
            "totalIterations": 0, "dataChecksums": {self.script: sha256_of(self.script)}, "cpuFlags": "",
        }

    def _environment(self) -> Dict[str, str]:
        env = settings.environment()
        env["hostname"] = platform.node()
        env["script.seeding"] = ("the script seeds itself: " + "; ".join(self.seed_log.calls)
                                 if self.seed_log.calls else "ReproLab's seed only")
        return env


def tail(error: BaseException) -> str:
    lines = "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip().splitlines()
    return "\n".join(lines[-TRACEBACK_LINES:])


def sha256_of(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def hash_seed() -> Optional[int]:
    value = os.environ.get("PYTHONHASHSEED", "")
    return int(value) if value.isdigit() else None
