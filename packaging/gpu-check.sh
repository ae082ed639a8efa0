#!/usr/bin/env bash
# The GPU check of the PyTorch engine (issue 13). Needs only this repository and a python3 with torch
# (no Java, no Maven): runs tiny, seed-cnn and the custom model of sample-data/experiments/custom-seed-cnn.json
# (the question's Keras model), 3 repeats each, with parameter snapshots (time to chaos), on the GPU with cuDNN's defaults, with
# deterministic algorithms, with cudnn.benchmark, and on the CPU, writing experiment folders under
# $OUT (default target/gpu-check) that `./reprolab report DIR` reads back. About 2-3 minutes on an H200.
#
#   OUT=DIR packaging/gpu-check.sh [--cpu-only] [--small] [--repeats N] [--models tiny,seed-cnn,custom] [--snapshot-every K]
#
# --cpu-only runs the "GPU" series on the CPU (to test the script without a GPU); --small shrinks the
# data to a few updates. The Python is $REPROLAB_PYTHON, else python3.
# The DL4J CUDA backend's check (Maven profile `cuda`) is packaging/gpu-check-dl4j.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${REPROLAB_PYTHON:-python3}"
OUT="${OUT:-target/gpu-check}"
mkdir -p "$OUT"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv || true
PYTHONPATH="$PWD/src/main/python" "$PYTHON" -m reprolab_worker --probe
PYTHONPATH="$PWD/src/main/python" PYTHONDONTWRITEBYTECODE=1 \
  "$PYTHON" -m reprolab_worker.gpucheck --out "$OUT" --home "$PWD" "$@"
