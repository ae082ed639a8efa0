#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (munged, slurmctld, slurmd), so that ReproLab's
# `--on slurm` can be tried and tested without a real cluster. Idempotent: a running cluster that
# answers is left alone. Needs Debian's packages munge, slurmd, slurmctld, slurm-client (Slurm 22.05).
#
# As root (CI): writes /etc/slurm/slurm.conf (the clients' default, so sbatch finds it without
# SLURM_CONF) and uses the system munge key; state under /var/lib/reprolab-slurm.
# As a user: everything (key, munge socket, config, state, logs) under
# ${XDG_STATE_HOME:-~/.local/state}/reprolab-slurm; then `export SLURM_CONF=<that dir>/slurm.conf`
# (the script prints it). Jobs then run as that user.
set -euo pipefail

for cmd in munged slurmctld slurmd sbatch scontrol sinfo; do
  command -v "$cmd" >/dev/null || { echo "start-local-cluster: '$cmd' not found; install munge slurmd slurmctld slurm-client" >&2; exit 2; }
done

me=$(id -un)
node=$(hostname -s)
if [ "$(id -u)" = 0 ]; then
  state=/var/lib/reprolab-slurm
  conf=/etc/slurm/slurm.conf
  key=/etc/munge/munge.key
  sock=/run/munge/munge.socket.2
  system_munge=1
else
  state=${XDG_STATE_HOME:-$HOME/.local/state}/reprolab-slurm
  conf=$state/slurm.conf
  key=$state/munge/munge.key
  sock=$state/munge/munge.socket
  system_munge=0
fi
export SLURM_CONF=$conf
mkdir -p "$state"/{ctld,spool,log,munge}
chmod 700 "$state/munge"

# Already up? (sinfo answers and the node is usable): nothing to do.
if [ -f "$conf" ] && grep -q '^# reprolab-local-cluster' "$conf" && timeout 5 sinfo -h -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
  echo "local Slurm cluster already running (SLURM_CONF=$conf)"
  exit 0
fi
if [ -f "$conf" ] && ! grep -q '^# reprolab-local-cluster' "$conf"; then
  echo "start-local-cluster: $conf exists and was not written by this script; not overwriting it" >&2
  exit 2
fi

# --- munge: a key, then the daemon ---------------------------------------------------------------
if [ ! -s "$key" ]; then
  if [ "$system_munge" = 1 ]; then mkdir -p /etc/munge; fi
  dd if=/dev/urandom bs=1 count=1024 of="$key" status=none
  chmod 400 "$key"
  if [ "$system_munge" = 1 ]; then chown munge:munge "$key"; fi
fi
if ! munge -n ${sock:+--socket="$sock"} 2>/dev/null | unmunge ${sock:+--socket="$sock"} >/dev/null 2>&1; then
  if [ "$system_munge" = 1 ]; then
    # munged refuses to run as root; Debian runs it as the munge user, which owns its directories.
    mkdir -p /run/munge /var/lib/munge /var/log/munge
    chown munge:munge /run/munge /var/lib/munge /var/log/munge
    chmod 755 /run/munge
    runuser -u munge -- /usr/sbin/munged
  else
    munged --key-file="$key" --socket="$sock" --pid-file="$state/munge/munged.pid" \
      --log-file="$state/log/munged.log" --seed-file="$state/munge/munged.seed"
  fi
  for _ in $(seq 50); do munge -n --socket="$sock" >/dev/null 2>&1 && break; sleep 0.1; done
fi

# --- slurm.conf: the node's real CPUs and memory, no accounting database ------------------------
# `slurmd -C` prints this machine's NodeName line (CPUs, sockets, cores, threads, RealMemory).
nodeline=$(slurmd -C | head -1)
mem=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$nodeline")
nodeline=$(sed "s/RealMemory=[0-9]*/RealMemory=$(( mem * 9 / 10 ))/" <<<"$nodeline")   # headroom for the OS
cat > "$conf" <<CONF
# reprolab-local-cluster: written by packaging/slurm/start-local-cluster.sh; a one-node cluster on localhost.
ClusterName=reprolab
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$me
SlurmdUser=$me
AuthType=auth/munge
CredType=cred/munge
$( [ "$system_munge" = 1 ] || echo "AuthInfo=socket=$sock" )
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
# Finished jobs stay visible to scontrol for an hour: without accounting, that is how their state is read.
MinJobAge=3600
KillWait=5
InactiveLimit=0
SlurmctldTimeout=30
SlurmdTimeout=60
$nodeline NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

# --- daemons ---------------------------------------------------------------------------------------
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
running "$state/slurmctld.pid" || slurmctld -f "$conf"
for _ in $(seq 100); do timeout 2 scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done
running "$state/slurmd.pid" || slurmd -f "$conf" -N "$node"
for _ in $(seq 100); do
  s=$(timeout 5 sinfo -h -o '%T' 2>/dev/null | head -1 || true)
  case "$s" in idle|mixed|allocated) break ;; esac
  sleep 0.2
done
case "$s" in
  idle|mixed|allocated) ;;
  *) scontrol update nodename="$node" state=resume 2>/dev/null || true; sleep 1
     s=$(timeout 5 sinfo -h -o '%T' | head -1) ;;
esac
case "$s" in
  idle|mixed|allocated) echo "local Slurm cluster up: node $node ($s), partition debug, SLURM_CONF=$conf" ;;
  *) echo "start-local-cluster: node $node is '$s'; see $state/log/slurmd.log and slurmctld.log" >&2; exit 1 ;;
esac
