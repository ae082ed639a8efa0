#!/usr/bin/env bash
# The figures of docs/cluster.md: seconds from `reprolab run` to the first iteration event, through the
# local Slurm cluster and through the local launcher; on two nodes, from Run to each node's first
# iteration (--spread-nodes --repeats 2); and wall time for 10 tiny repeats each way.
# Needs the local cluster (start-local-cluster.sh [--nodes 2]); run it on a quiet machine.
# Usage: bash packaging/slurm/measure.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
spec=$out/tiny.json
printf '{"name": "measure tiny", "data": {"trainSize": 200, "validationSize": 50}, "model": {"name": "tiny", "batchSize": 50}}' > "$spec"
./reprolab --version >/dev/null   # build once, outside the timings

first_iteration() {  # target: prints seconds from start to the first "iteration" progress line
  local start; start=$(date +%s.%N)
  ./reprolab run "$spec" --repeats 1 --on "$1" --out "$out/first-$1" 2>&1 >/dev/null | while IFS= read -r line; do
    case "$line" in *" iteration "*) echo "$(date +%s.%N) - $start" | bc; break ;; esac
  done
}
many() {  # target: wall seconds for 10 repeats
  local start; start=$(date +%s.%N)
  ./reprolab run "$spec" --repeats 10 --on "$1" --out "$out/ten-$1" >/dev/null 2>&1
  echo "$(date +%s.%N) - $start" | bc
}
for i in 1 2 3; do
  echo "first iteration, local: $(first_iteration local) s"
  echo "first iteration, slurm: $(first_iteration slurm) s"
done
first_per_node() {  # prints "NODE SECONDS" for each run of a --spread-nodes --repeats 2 experiment
  local start; start=$(date +%s.%N)
  ./reprolab run "$spec" --repeats 2 --on slurm --spread-nodes --out "$out/spread" 2>&1 >/dev/null \
    | while IFS= read -r line; do
        case "$line" in *" iteration "*) echo "${line%% *} $(echo "$(date +%s.%N) - $start" | bc)" ;; esac
      done | awk '!seen[$1]++' | while read -r run seconds; do
        folder=$(ls -td "$out"/spread/*/ | head -1)
        echo "$(cut -d' ' -f3 "$folder/runs/$run.node") $seconds"
      done
}
if [ "$(sinfo -h -N -o %N | sort -u | wc -l)" -ge 2 ]; then
  for i in 1 2 3; do
    first_per_node | while read -r node seconds; do echo "first iteration on node $node: $seconds s"; done
  done
fi
echo "cluster: $(sinfo -h -N -o '%N' | sort -u | tr '\n' ' ')(CPUs per node: $(sinfo -h -N -o '%c' | head -1)), $(nproc) cores on this machine"
for target in local slurm; do
  s=$(many "$target")
  echo "10 tiny repeats, $target: $s s = $(echo "scale=1; 600 / $s" | bc) runs per minute"
done
# Slurm's own part: sbatch until the batch script runs (an empty job), five times.
for i in 1 2 3 4 5; do
  s=$(date +%s.%N)
  rm -f "$out/lat-$i"
  sbatch --parsable -o /dev/null --wrap "date +%s.%N > $out/lat-$i" >/dev/null
  while [ ! -s "$out/lat-$i" ]; do sleep 0.05; done
  echo "sbatch to script start: $(echo "$(cat "$out/lat-$i") - $s" | bc) s"
done
