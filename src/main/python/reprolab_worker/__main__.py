"""``python3 -m reprolab_worker --run-spec RUN.json [--launcher-pid PID] [--home DIR]``.

Exit code 0 after finished, 1 after failed, 2 for a bad command line or run spec, 3 when the
launcher is gone. ``python3 -m reprolab_worker --probe`` prints what this Python offers (for
``reprolab doctor`` and the app) as one JSON object.
"""

import argparse
import json
import os
import sys
import threading
import time

from .events import EventWriter, EXIT_FAILED, EXIT_FINISHED, EXIT_ORPHANED, EXIT_USAGE

MISSING_TORCH = ("PyTorch is not installed for %s (%s); install it (apt install python3-torch, or pip install "
                 "torch) or point REPROLAB_PYTHON at a Python that has it")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m reprolab_worker")
    parser.add_argument("--run-spec", help="the run spec JSON the launcher wrote")
    parser.add_argument("--launcher-pid", type=int, help="exit when this process is gone")
    parser.add_argument("--home", default=os.getcwd(), help="the ReproLab folder (holds sample-data/)")
    parser.add_argument("--probe", action="store_true", help="print Python/torch/CUDA facts as JSON and exit")
    args = parser.parse_args(argv)
    if args.probe:
        from .probe import probe
        print(json.dumps(probe()))
        return EXIT_FINISHED
    events = EventWriter()
    watch_launcher(args.launcher_pid)
    if not args.run_spec:
        events.write("failed", reason="usage: python3 -m reprolab_worker --run-spec RUN.json", iteration=-1,
                     cause="error")
        return EXIT_USAGE
    try:
        with open(args.run_spec, encoding="utf-8") as f:
            text = f.read()
        run = json.loads(text)
        spec_text = spec_substring(text)
    except (OSError, ValueError, KeyError) as e:
        events.write("failed", reason="cannot read run spec %s: %s" % (args.run_spec, e), iteration=-1, cause="error")
        return EXIT_USAGE
    return train(run, spec_text, events, args.home, args.run_spec)


def train(run, spec_text, events, home, run_spec_path=None):
    """Imports torch only now, so its absence becomes a failed event with a clear reason."""
    try:
        import torch  # noqa: F401
    except ImportError as e:
        events.write("failed", reason=MISSING_TORCH % (sys.executable, e), iteration=-1, cause="error")
        return EXIT_FAILED
    from .trainer import Trainer, TrainingFailure
    from .snapshots import file_for
    try:
        Trainer(run, spec_text, events, home, file_for(run_spec_path, run.get("runId", "run"))).train()
        return EXIT_FINISHED
    except TrainingFailure as f:
        events.write("failed", reason=f.reason, iteration=f.iteration, cause=f.cause)
    except MemoryError as e:
        events.write("failed", reason="out of memory: %s (fewer parallel runs or a smaller model would fit)" % e,
                     iteration=-1, cause="out-of-memory")
    except Exception as e:  # a bug or a torch error: the user reads it, the traceback goes to stderr
        import traceback
        traceback.print_exc()
        events.write("failed", reason="training stopped with %s: %s" % (type(e).__name__, e), iteration=-1,
                     cause="error")
    return EXIT_FAILED


def spec_substring(text):
    """The ``spec`` object exactly as the launcher wrote it, so its SHA-256 equals the Java side's
    spec hash (Jackson wrote ``{"schemaVersion":1,"runId":"...","spec":{...},...}``; the run id
    cannot contain quotes, so the first ``"spec":`` is the key)."""
    start = text.index('"spec":') + len('"spec":')
    _, end = json.JSONDecoder().raw_decode(text, start)
    return text[start:end]


def watch_launcher(pid, poll_seconds=0.5):
    """Exits soon after the launcher is gone (killed with -9, or crashed): an orphan must not hold a
    core. Without a pid (started by hand) the parent is watched."""
    parent = os.getppid()

    def alive():
        if pid is None:
            return os.getppid() == parent
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    if not alive():
        os._exit(EXIT_ORPHANED)

    def loop():
        while alive():
            time.sleep(poll_seconds)
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=loop, name="launcher-watch", daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
