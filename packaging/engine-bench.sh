#!/usr/bin/env bash
# Iteration time of one model on both engines, 1 and 2 threads, interleaved in one run (issue 25):
# seed-cnn (sample-data/experiments/seed-cnn.json) and the question's Keras model as a custom layer
# list (sample-data/experiments/custom-seed-cnn.json), each trained by DL4J and by PyTorch (the Python
# the app finds: Debian's python3-torch, with the BLAS the provenance names). Every round runs every
# (model, engine, threads) once, rounds after rounds, so a slow spell of the machine hits all alike.
#
#   packaging/engine-bench.sh [--rounds 3] [--updates 50] [--models seed-cnn,custom] [--out DIR]
#
# Prints one line per run and then the median ms per update of each (model, engine, threads), with the
# BLAS torch used. Run it on a quiet machine: figures taken while other work runs mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3 UPDATES=50 MODELS=seed-cnn,custom OUT=target/engine-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --updates) UPDATES="$2"; shift 2 ;;
    --models) MODELS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "engine-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
PY=/usr/bin/python3; command -v "$PY" >/dev/null || PY=python3
rm -rf "$OUT"; mkdir -p "$OUT"
spec_of() { case "$1" in custom) echo sample-data/experiments/custom-seed-cnn.json ;; *) echo "sample-data/experiments/$1.json" ;; esac; }
for round in $(seq 1 "$ROUNDS"); do
  for model in ${MODELS//,/ }; do
    for engine in dl4j pytorch; do
      for threads in 1 2; do
        dir="$OUT/r$round-$model-$engine-t$threads"
        # one epoch of UPDATES updates of 64 digits; early stopping and snapshots off
        ./reprolab run "$(spec_of "$model")" --repeats 1 --parallel 1 --out "$dir" \
          --set execution.engine="$engine" --set execution.threads="$threads" --set model.epochs=1 \
          --set model.batchSize=64 --set data.trainSize=$((UPDATES * 64)) --set data.validationSize=100 \
          --set runs.snapshotEvery=0 > "$dir.log" 2>&1 || { echo "run failed: $dir.log" >&2; tail -5 "$dir.log" >&2; exit 1; }
        echo "round $round $model $engine threads=$threads done"
      done
    done
  done
done
"$PY" - "$OUT" <<'PYEOF'
import glob, json, os, statistics, sys
rows = {}
for log in sorted(glob.glob(os.path.join(sys.argv[1], "*", "**", "*.jsonl"), recursive=True)):
    key = os.path.relpath(log, sys.argv[1]).split(os.sep)[0].split("-", 1)[1]
    events = [json.loads(line) for line in open(log, encoding="utf-8") if line.strip()]
    done = [e for e in events if e["type"] == "finished"]
    blas = events[0]["provenance"]["versions"].get("blas", "") if events and events[0]["type"] == "started" else ""
    if done:
        rows.setdefault(key, []).append((done[0]["msPerIteration"], blas))
print("%-32s %8s %6s  %s" % ("model-engine-threads", "median", "runs", "BLAS (pytorch)"))
for key in sorted(rows):
    print("%-32s %8.1f %6d  %s" % (key, statistics.median(ms for ms, _ in rows[key]), len(rows[key]), rows[key][0][1]))
PYEOF
