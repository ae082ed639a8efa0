#!/usr/bin/env bash
# Stops the one-node cluster started by start-local-cluster.sh: slurmd, slurmctld and munged (as root the
# system munged, which the start script started; as a user the munged of its own). Idempotent. Jobs
# still running die with their node; their experiment folders keep what they wrote.
set -uo pipefail
if [ "$(id -u)" = 0 ]; then
  state=/var/lib/reprolab-slurm
  munge_pid=/run/munge/munged.pid
else
  state=${XDG_STATE_HOME:-$HOME/.local/state}/reprolab-slurm
  munge_pid=$state/munge/munged.pid
fi
stop() {  # pidfile: TERM, wait up to 10 s, then KILL
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$1"
}
stop "$state/slurmd.pid"
stop "$state/slurmctld.pid"
stop "$munge_pid"
echo "local Slurm cluster stopped"
