"""Run specs as the Java launcher writes them (``RunSpec.toJson``), for the worker's tests."""

import copy
import json

DEFAULT_SPEC = {
    "schemaVersion": 1, "name": "pytest",
    "data": {"source": "synthetic", "trainSize": 40, "validationSize": 20},
    "model": {"name": "tiny", "epochs": 1, "batchSize": 20, "learningRate": 0.001, "initializer": "xavier-uniform",
              "earlyStopping": {"enabled": False, "patience": 1, "restoreBest": False}},
    "seeds": {},
    "execution": {"threads": 1, "helpers": True, "dataType": "float", "backend": "cpu", "engine": "pytorch",
                  "deterministicAlgorithms": False, "cudnnBenchmark": False},
    "perturbation": {"enabled": False, "iteration": 0, "layer": "dense_0", "epsilon": 1e-6, "fraction": 0.01,
                     "seed": 7},
    "runs": {"repeats": 1, "parallel": 1, "snapshotEvery": 0},
}
SEEDS = {"weightInit": 11, "dropout": 22, "shuffle": 33, "split": 44}


def spec(**sections):
    """The default spec with some sections' fields replaced, e.g. ``spec(model={"name": "custom"})``."""
    result = copy.deepcopy(DEFAULT_SPEC)
    for section, fields in sections.items():
        result[section].update(fields)
    return result


def run_json(experiment, run_id="run-01", seeds=None):
    """The run spec text: ``{"schemaVersion":1,"runId":...,"spec":{...},"seeds":{...}}``."""
    return json.dumps({"schemaVersion": 1, "runId": run_id, "spec": experiment, "seeds": seeds or SEEDS},
                      separators=(",", ":"))


def run_worker(tmp_path, experiment, seeds=None, env=None, run_id="run-01"):
    """Runs ``python3 -m reprolab_worker`` on the spec in a fresh process, as the launcher does;
    returns (exit code, events, stderr)."""
    import os
    import subprocess
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    spec_file = tmp_path / (run_id + ".run.json")
    spec_file.write_text(run_json(experiment, run_id, seeds), encoding="utf-8")
    environment = dict(os.environ, PYTHONPATH=os.path.join(root, "src", "main", "python"), PYTHONDONTWRITEBYTECODE="1",
                       OMP_NUM_THREADS="1")
    environment.pop("REPROLAB_INJECT_FAULT", None)
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-m", "reprolab_worker", "--run-spec", str(spec_file), "--home", root],
                          capture_output=True, text=True, env=environment, timeout=300)
    events = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return done.returncode, events, done.stderr
