"""``python3 -m reprolab_probe [--run-spec RUN.json | --seed S] [--time SECONDS] [--events stdout|FILE]
[--launcher-pid PID] [--cwd DIR] SCRIPT [ARGS...]``.

Runs SCRIPT as ``python3 SCRIPT ARGS`` would, with the probe watching (see the package comment).
ReproLab's launcher passes a run spec (its run id, spec and resolved seeds, ``seeds.script`` the one
for torch/random/numpy); by hand, ``--seed`` (else a drawn one, recorded in the started event).
Exit code 0 after finished, 1 after failed, 2 for a bad command line, 3 when the launcher is gone.
"""

import argparse
import json
import os
import secrets
import sys
from typing import List, Optional

from .channel import EVENTS_ENV, EventChannel

EXIT_USAGE = 2
DRAWN_SEED_BITS = 53  # as the Java side draws: exact in any JSON reader


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m reprolab_probe")
    parser.add_argument("--run-spec", help="the run spec JSON ReproLab's launcher wrote")
    parser.add_argument("--seed", type=int, help="seed for torch, random and numpy (without a run spec)")
    parser.add_argument("--time", type=float, default=0, help="stop the script after this many seconds")
    parser.add_argument("--events", default=os.environ.get(EVENTS_ENV, "stdout"), help="stdout or a file")
    parser.add_argument("--launcher-pid", type=int, help="exit when this process is gone (not on Slurm)")
    parser.add_argument("--cwd", help="the folder the script runs in")
    parser.add_argument("script")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    from reprolab_worker.__main__ import spec_substring, watch_launcher
    if options.launcher_pid is not None and "SLURM_JOB_ID" not in os.environ:
        watch_launcher(options.launcher_pid)  # a cluster task outlives the app that submitted it
    if options.cwd:
        os.chdir(options.cwd)
    if not os.path.isfile(options.script):
        print("reprolab_probe: no such script: %s" % options.script, file=sys.stderr)
        return EXIT_USAGE
    channel = EventChannel.open(options.events)
    if options.run_spec:
        with open(options.run_spec, encoding="utf-8") as f:
            text = f.read()
        run, spec_text = json.loads(text), spec_substring(text)
    else:
        from .launch import hash_seed
        seed = options.seed if options.seed is not None else secrets.randbits(DRAWN_SEED_BITS)
        run, spec_text = {"runId": "run", "spec": None, "seeds": {"script": seed, "hashSeed": hash_seed()}}, "null"
    try:
        import torch  # noqa: F401
    except ImportError as e:
        channel.write("failed", reason="PyTorch is not installed for %s (%s)" % (sys.executable, e), iteration=-1,
                      cause="error")
        return 1
    from .launch import ScriptRun
    return ScriptRun(run, spec_text, channel, options.script, options.args, options.time).execute()


if __name__ == "__main__":
    sys.exit(main())
