#!/usr/bin/env bash
# Starts a Slurm cluster on this machine (munged, slurmctld, slurmd), so that ReproLab's
# `--on slurm` can be tried and tested without a real cluster. Idempotent: a running cluster of the
# same shape is left alone (a node whose slurmd is gone gets it started again); another shape is
# stopped and started anew. Needs Debian's packages munge, slurmd, slurmctld, slurm-client (Slurm 22.05).
#
#   start-local-cluster.sh            one node named after this machine (hostname -s)
#   start-local-cluster.sh --nodes 2  nodes n1 and n2: two slurmd on this machine (Slurm's multiple-slurmd
#                                     mode: one NodeName per slurmd, each its own Port; `slurmd -N n1`),
#                                     each with this machine's CPUs and memory; tasks there see
#                                     SLURMD_NODENAME=n1 / n2 while `hostname` is the same for both.
#                                     SlurmdTimeout is 10 s, so a node whose slurmd dies is DOWN soon.
#
# As root (CI): writes /etc/slurm/slurm.conf (the clients' default, so sbatch finds it without
# SLURM_CONF) and uses the system munge key; state under /var/lib/reprolab-slurm.
# As a user: everything (key, munge socket, config, state, logs) under
# ${XDG_STATE_HOME:-~/.local/state}/reprolab-slurm; then `export SLURM_CONF=<that dir>/slurm.conf`
# (the script prints it). Jobs then run as that user.
set -euo pipefail

nodes=1
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=${2:?--nodes needs a number}; shift 2 ;;
    --nodes=*) nodes=${1#--nodes=}; shift ;;
    *) echo "start-local-cluster: unknown option $1 (use --nodes N)" >&2; exit 2 ;;
  esac
done
case "$nodes" in [1-9]) ;; *) echo "start-local-cluster: --nodes must be 1 to 9, not '$nodes'" >&2; exit 2 ;; esac

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

if [ "$nodes" = 1 ]; then names=$node; else names=$(seq -f 'n%g' -s ' ' 1 "$nodes"); fi
shape="# nodes: $names"
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
slurmd_pid() { if [ "$nodes" = 1 ]; then echo "$state/slurmd.pid"; else echo "$state/slurmd-$1.pid"; fi; }

if [ -f "$conf" ] && ! grep -q '^# reprolab-local-cluster' "$conf"; then
  echo "start-local-cluster: $conf exists and was not written by this script; not overwriting it" >&2
  exit 2
fi
# A cluster of another shape (one node vs two) is stopped first: its daemons would read the new file.
if [ -f "$conf" ] && ! grep -qx "$shape" "$conf"; then
  bash "$(dirname "$0")/stop-local-cluster.sh" --keep-munge >/dev/null
  rm -f "$conf"
fi
mkdir -p "$state"/{ctld,spool,log,munge}
chmod 700 "$state/munge"

# --- munge: a key, then the daemon ---------------------------------------------------------------
if [ ! -s "$key" ]; then
  if [ "$system_munge" = 1 ]; then mkdir -p /etc/munge; fi
  dd if=/dev/urandom bs=1 count=1024 of="$key" status=none
  touch "$state/munge-key-made"   # so stop-local-cluster.sh removes the key it made, and only that
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
if [ "$nodes" = 1 ]; then
  spool=$state/spool; dpid=$state/slurmd.pid; dlog=$state/log/slurmd.log
  nodelines="$nodeline NodeAddr=127.0.0.1 State=UNKNOWN"
  slurmd_timeout=60
else
  # multiple-slurmd mode: %n is the node's name, so each slurmd has its own spool, pid and log
  spool=$state/spool/%n; dpid=$state/slurmd-%n.pid; dlog=$state/log/slurmd-%n.log
  nodelines=""
  for i in $(seq 1 "$nodes"); do
    nodelines+="${nodeline/NodeName=$node/NodeName=n$i NodeHostname=$node} NodeAddr=127.0.0.1 Port=$((16817 + i)) State=UNKNOWN"$'\n'
  done
  slurmd_timeout=10
fi
partition_nodes=$(tr ' ' ',' <<<"$names")
cat > "$conf" <<CONF
# reprolab-local-cluster: written by packaging/slurm/start-local-cluster.sh; $nodes node(s) on localhost.
$shape
ClusterName=reprolab
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$me
SlurmdUser=$me
AuthType=auth/munge
CredType=cred/munge
$( [ "$system_munge" = 1 ] || echo "AuthInfo=socket=$sock" )
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$dpid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$dlog
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
# How long a silent slurmd is waited for before its node is DOWN and its jobs NODE_FAIL
SlurmdTimeout=$slurmd_timeout
$nodelines
PartitionName=debug Nodes=$partition_nodes Default=YES MaxTime=INFINITE State=UP
CONF
mkdir -p "$state/spool"
for n in $names; do [ "$nodes" = 1 ] || mkdir -p "$state/spool/$n"; done

# --- daemons ---------------------------------------------------------------------------------------
running "$state/slurmctld.pid" || slurmctld -f "$conf"
for _ in $(seq 100); do timeout 2 scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.2; done
for n in $names; do
  running "$(slurmd_pid "$n")" || slurmd -f "$conf" -N "$n"
done
usable() { timeout 5 sinfo -h -N -o '%N %t' 2>/dev/null | awk '$2 ~ /^(idle|mix|alloc)$/ {print $1}' | sort -u | wc -l; }
for _ in $(seq 100); do [ "$(usable)" -ge "$nodes" ] && break; sleep 0.2; done
if [ "$(usable)" -lt "$nodes" ]; then
  for n in $names; do scontrol update nodename="$n" state=resume 2>/dev/null || true; done
  sleep 1
fi
if [ "$(usable)" -ge "$nodes" ]; then
  echo "local Slurm cluster up: $nodes node(s) ($names), partition debug, SLURM_CONF=$conf"
else
  echo "start-local-cluster: not every node is usable: $(timeout 5 sinfo -h -N -o '%N %t' | tr '\n' ' '); see $state/log/" >&2
  exit 1
fi
