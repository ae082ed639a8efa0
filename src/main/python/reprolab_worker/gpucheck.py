"""The GPU check without Java: plans a fixed set of PyTorch runs, runs each in its own worker
process, and writes experiment folders (``experiment.json`` + ``runs/<id>.jsonl``) that
``./reprolab report DIR`` reads back. Prints a one-line verdict per folder.

    python3 -m reprolab_worker.gpucheck --out DIR [--cpu-only] [--small] [--repeats 3]

Per model (tiny, seed-cnn, and custom: the layer list of sample-data/experiments/custom-seed-cnn.json,
the question's Keras model as ``import-keras`` gives it): the GPU with cuDNN's defaults, with deterministic algorithms, with
cudnn.benchmark, and the CPU; plus a folder holding the first GPU run and the first CPU run, to
compare the two devices. ``--cpu-only`` replaces the GPU with the CPU (to test this script where
there is no GPU); ``--small`` shrinks the data to a few updates. Every run writes parameter
snapshots (``runs/<id>.params``, every ``--snapshot-every`` updates) for ``reprolab report``'s
distances and the time to chaos; the verdict line counts them.
"""

import argparse
import json
import os
import struct
import shutil
import subprocess
import sys
import time

SEEDS = {"weightInit": 11, "dropout": 22, "shuffle": 33, "split": 44}
SIZES = {"tiny": (4000, 1000), "seed-cnn": (4000, 1000), "custom": (4000, 1000)}
CUSTOM_MODEL = os.path.join("sample-data", "experiments", "custom-seed-cnn.json")
SMALL = (200, 50)


def plan(cpu_only, repeats, models):
    """(folder name, model, execution overrides, repeats) for every planned series."""
    gpu = "cpu" if cpu_only else "cuda"
    series = []
    for model in models:
        series += [
            (model + "-gpu", model, {"backend": gpu}),
            (model + "-gpu-deterministic", model, {"backend": gpu, "deterministicAlgorithms": True}),
            (model + "-gpu-benchmark", model, {"backend": gpu, "cudnnBenchmark": not cpu_only}),
            (model + "-cpu", model, {"backend": "cpu", "threads": 4}),
        ]
    return [(name, model, execution, repeats) for name, model, execution in series]


def custom_layers(home):
    """The layer list of the shipped custom model (the question's Keras model)."""
    with open(os.path.join(home, CUSTOM_MODEL), encoding="utf-8") as f:
        return json.load(f)["model"]["layers"]


def spec_for(name, model, execution, small, home=".", snapshot_every=10):
    train, validation = SMALL if small else SIZES[model]
    full_execution = {"threads": 1, "helpers": True, "dataType": "float", "backend": "cpu", "engine": "pytorch",
                      "deterministicAlgorithms": False, "cudnnBenchmark": False}
    full_execution.update(execution)
    spec = {
        "schemaVersion": 1, "name": name,
        "data": {"source": "mnist-sample", "imagesPath": None, "labelsPath": None, "trainSize": train,
                 "validationSize": validation},
        "model": {"name": model, "epochs": 1, "batchSize": 64, "learningRate": 0.001,
                  "initializer": "xavier-uniform",
                  "earlyStopping": {"enabled": False, "patience": 2, "restoreBest": True}},
        "seeds": {kind: {"enabled": True, "value": value} for kind, value in SEEDS.items()},
        "execution": full_execution,
        "perturbation": {"enabled": False, "iteration": 10, "layer": "dense_0", "epsilon": 1e-8, "fraction": 0.01,
                         "seed": 7},
        "runs": {"repeats": 3, "parallel": 1, "snapshotEvery": 1 if small else snapshot_every},
    }
    if model == "custom":
        spec["model"]["layers"] = custom_layers(home)
    return spec


def run_one(folder, run_id, spec, home):
    """Writes the run spec, runs the worker, stores its stdout as the run's event log."""
    runs = os.path.join(folder, "runs")
    spec_file = os.path.join(runs, run_id + ".run.json")
    with open(spec_file, "w", encoding="utf-8") as f:
        json.dump({"schemaVersion": 1, "runId": run_id, "spec": spec, "seeds": SEEDS}, f, separators=(",", ":"))
    env = dict(os.environ)
    threads = str(spec["execution"]["threads"])
    env.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads, PYTHONDONTWRITEBYTECODE="1")
    if spec["execution"]["deterministicAlgorithms"]:
        env["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"
    with open(os.path.join(runs, run_id + ".jsonl"), "w", encoding="utf-8") as out, \
            open(os.path.join(runs, run_id + ".stderr.log"), "w", encoding="utf-8") as err:
        code = subprocess.call([sys.executable, "-m", "reprolab_worker", "--run-spec", spec_file, "--home", home,
                                "--launcher-pid", str(os.getpid())], stdout=out, stderr=err, env=env)
    if code not in (0, 1):  # 0 finished, 1 failed (the worker said why); anything else: say it for the report
        with open(os.path.join(runs, run_id + ".jsonl"), "a", encoding="utf-8") as out:
            out.write(json.dumps({"type": "failed", "reason": "worker exited with code %d; see %s.stderr.log"
                                  % (code, run_id), "iteration": -1, "cause": "crashed"}) + "\n")


def write_folder(root, name, spec):
    folder = os.path.join(root, name)
    os.makedirs(os.path.join(folder, "runs"), exist_ok=True)
    with open(os.path.join(folder, "experiment.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
    return folder


def summary(folder):
    """One line: identical or where the runs first differ, and the spread of final accuracy."""
    runs = []
    for name in sorted(os.listdir(os.path.join(folder, "runs"))):
        if name.endswith(".jsonl"):
            with open(os.path.join(folder, "runs", name), encoding="utf-8") as f:
                runs.append([json.loads(line) for line in f if line.strip()])
    hashes = [[e["modelHash"] for e in r if e["type"] == "iteration"] for r in runs]
    ends = [r[-1] if r else {"type": "none"} for r in runs]
    failed = [e.get("reason", "no events") for e in ends if e["type"] != "finished"]
    if failed:
        return "%s: %d of %d runs failed: %s" % (os.path.basename(folder), len(failed), len(runs), failed[0][:200])
    first = next((k for k in range(min(map(len, hashes))) if len({h[k] for h in hashes}) > 1), None)
    accuracies = [e["valAccuracy"] for e in ends]
    ms = sum(e["msPerIteration"] for e in ends) / len(ends)
    verdict = "bitwise identical" if first is None else "differ from iteration %d" % first
    return "%s: %d runs %s; final accuracy %.4f..%.4f (spread %.2g); %.1f ms/iteration; %d snapshots" % (
        os.path.basename(folder), len(runs), verdict, min(accuracies), max(accuracies),
        max(accuracies) - min(accuracies), ms, snapshot_count(folder))


def snapshot_count(folder):
    """Snapshot records in the folder's ``.params`` files (whole records only)."""
    total = 0
    runs = os.path.join(folder, "runs")
    for name in os.listdir(runs):
        if name.endswith(".params"):
            with open(os.path.join(runs, name), "rb") as f:
                raw = f.read()
            length = struct.unpack(">I", raw[8:12])[0]
            header = json.loads(raw[12:12 + length])
            width = 8 if header["dataType"] == "double" else 4
            record = 4 + width * sum(layer["count"] for layer in header["layers"])
            total += (len(raw) - 12 - length) // record
    return total


def device_vs_cpu(root, model):
    """A folder with the first GPU run and the first CPU run of a model, to compare the devices."""
    source_gpu, source_cpu = os.path.join(root, model + "-gpu"), os.path.join(root, model + "-cpu")
    with open(os.path.join(source_gpu, "experiment.json"), encoding="utf-8") as f:
        spec = json.load(f)
    spec["name"] = model + "-gpu-vs-cpu"
    folder = write_folder(root, spec["name"], spec)
    for source, run_id in ((source_gpu, "gpu-01"), (source_cpu, "cpu-01")):
        shutil.copyfile(os.path.join(source, "runs", "run-01.jsonl"), os.path.join(folder, "runs", run_id + ".jsonl"))
    return folder


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m reprolab_worker.gpucheck")
    parser.add_argument("--out", required=True, help="folder for the experiment folders")
    parser.add_argument("--cpu-only", action="store_true", help="run the GPU series on the CPU (no GPU here)")
    parser.add_argument("--small", action="store_true", help="a few updates per run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--models", default="tiny,seed-cnn,custom", help="comma-separated: tiny, seed-cnn, custom")
    parser.add_argument("--snapshot-every", type=int, default=10, help="updates between parameter snapshots")
    parser.add_argument("--home", default=os.getcwd(), help="the ReproLab folder (holds sample-data/)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    models = [m for m in args.models.split(",") if m]
    for name, model, execution, repeats in plan(args.cpu_only, args.repeats, models):
        folder = write_folder(args.out, name, spec_for(name, model, execution, args.small, args.home,
                                                       args.snapshot_every))
        with open(os.path.join(folder, "experiment.json"), encoding="utf-8") as f:
            spec = json.load(f)
        for r in range(1, repeats + 1):
            run_one(folder, "run-%02d" % r, spec, args.home)
        print(summary(folder), flush=True)
    for model in models:
        print(summary(device_vs_cpu(args.out, model)), flush=True)
    print("gpu-check: done in %.0f s" % (time.monotonic() - start), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
