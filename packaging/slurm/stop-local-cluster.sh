#!/usr/bin/env bash
# Stops the cluster started by start-local-cluster.sh (one node or several) and removes everything that
# script made: every slurmd, slurmctld, the munged it started, its state folder (job state, spools,
# logs), the slurm.conf it wrote, and the munge key when the start script generated it. Idempotent.
# Jobs still running die with their node; their experiment folders keep what they wrote.
#   --keep-munge  leave munged, its key and the state's munge folder (the start script, changing shape)
set -uo pipefail
keep_munge=0
[ "${1:-}" = --keep-munge ] && keep_munge=1
if [ "$(id -u)" = 0 ]; then
  state=/var/lib/reprolab-slurm
  conf=/etc/slurm/slurm.conf
  munge_pid=/run/munge/munged.pid
  key=/etc/munge/munge.key
else
  state=${XDG_STATE_HOME:-$HOME/.local/state}/reprolab-slurm
  conf=$state/slurm.conf
  munge_pid=$state/munge/munged.pid
  key=$state/munge/munge.key
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
for pidfile in "$state"/slurmd.pid "$state"/slurmd-*.pid; do stop "$pidfile"; done
stop "$state/slurmctld.pid"
if [ "$keep_munge" = 0 ]; then
  stop "$munge_pid"
  [ -f "$state/munge-key-made" ] && rm -f "$key"
fi
if [ -f "$conf" ] && grep -q '^# reprolab-local-cluster' "$conf"; then rm -f "$conf"; fi
if [ "$keep_munge" = 1 ]; then
  find "$state" -mindepth 1 -maxdepth 1 ! -name munge ! -name munge-key-made -exec rm -rf {} +
else
  rm -rf "$state"
fi
echo "local Slurm cluster stopped"
