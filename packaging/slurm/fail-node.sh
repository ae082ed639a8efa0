#!/usr/bin/env bash
# Makes one node of the local cluster fail as a crashed machine would (tests; docs/cluster.md): its
# slurmd and every process of the jobs it runs (the batch script, the worker, their slurmstepd) die
# with SIGKILL at once, so nothing reports back and slurmctld declares the node DOWN after
# SlurmdTimeout (10 s on the local cluster), its jobs NODE_FAIL. start-local-cluster.sh brings it back.
#   fail-node.sh NODE    (root: the cluster start-local-cluster.sh started as root)
set -euo pipefail
node=${1:?usage: fail-node.sh NODE}
if [ "$(id -u)" = 0 ]; then state=/var/lib/reprolab-slurm; else state=${XDG_STATE_HOME:-$HOME/.local/state}/reprolab-slurm; fi
pidfile=$state/slurmd-$node.pid
[ -f "$pidfile" ] || { echo "fail-node: no slurmd of node $node ($pidfile); is the cluster started with --nodes 2?" >&2; exit 2; }
victims=("$(cat "$pidfile")")
# every process whose environment names the node is one of its jobs' (SLURMD_NODENAME=...), and its slurmstepd
for env in /proc/[0-9]*/environ; do
  pid=${env#/proc/}; pid=${pid%/environ}
  if tr '\0' '\n' < "$env" 2>/dev/null | grep -qx "SLURMD_NODENAME=$node"; then
    victims+=("$pid")
    parent=$(awk '/^PPid:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$parent" ] && grep -q '^slurmstepd' "/proc/$parent/comm" 2>/dev/null; then victims+=("$parent"); fi
  fi
done
kill -9 "${victims[@]}" 2>/dev/null || true
rm -f "$pidfile"
echo "node $node failed: killed ${victims[*]}"
