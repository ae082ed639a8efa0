#!/usr/bin/env bash
# What anyone with an NVIDIA GPU runs first: builds ReproLab with the CUDA 11.6 backend (the `cuda`
# Maven profile) and runs a short, prepared series of repeats with each GPU setting, printing the
# report of each. Paste its output into docs/gpu.md with the date and the GPU.
#
#   packaging/gpu-check.sh [SPEC.json] [REPEATS]     (default: the seed CNN, 3 repeats)
#
# Needs: an NVIDIA driver that runs CUDA 11.6 code (nvidia-smi), Java 17, Maven with access to
# Maven Central (the CUDA jars are ~600 MB, plus the cuDNN/CUDA redistributables if the machine
# has no CUDA 11.6 toolkit).
set -euo pipefail
cd "$(dirname "$0")/.."
SPEC="${1:-sample-data/experiments/seed-cnn.json}"
REPEATS="${2:-3}"

command -v nvidia-smi >/dev/null || { echo "gpu-check: nvidia-smi not found: no NVIDIA GPU here" >&2; exit 2; }
nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv
mvn -q -B -Pcuda -DskipTests compile
CP="target/classes:$(cat target/classpath.txt)"
reprolab() { java -Dreprolab.home="$PWD" -cp "$CP" reprolab.cli.Main "$@"; }

series() {  # title, then --set arguments; environment variables may be given before the call
  echo; echo "=== $1 ==="; shift
  reprolab run "$SPEC" --repeats "$REPEATS" --parallel 1 --set execution.backend=cuda "$@" --out target/gpu-check \
    || echo "(exit code $?)"
}

series "cuda, cuDNN helpers on, float"            --set execution.helpers=true
series "cuda, cuDNN helpers off, float"           --set execution.helpers=false
CUBLAS_WORKSPACE_CONFIG=:4096:8 \
series "cuda, helpers on, CUBLAS_WORKSPACE_CONFIG=:4096:8" --set execution.helpers=true
series "cuda, helpers on, double"                 --set execution.dataType=double
series "cuda, helpers on, 2 threads (host side)"  --set execution.threads=2
echo; echo "=== cpu baseline ==="
reprolab run "$SPEC" --repeats "$REPEATS" --parallel 1 --out target/gpu-check || echo "(exit code $?)"
