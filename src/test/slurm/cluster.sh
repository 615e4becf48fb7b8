#!/usr/bin/env bash
# A small, private Slurm cluster on this machine, for the collector's tests: its own munged (own key and socket),
# one slurmctld and one slurmd per fake node (each its own port, all on 127.0.0.1), everything under one directory.
#   bash src/test/slurm/cluster.sh start [DIR]     starts it (DIR: target/slurm; its users must be able to enter it),
#                                                  waits for the nodes, prints SLURM_CONF
#   bash src/test/slurm/cluster.sh populate [DIR]  submits a day's look: running, pending, held and array jobs of a
#                                                  few users, a drained node with a reason, a reservation now and one ahead
#   bash src/test/slurm/cluster.sh stop [DIR]      cancels its jobs and stops exactly the processes it started
# Needs Debian's munge, slurmctld, slurmd, slurm-client, slurmdbd and slurm-wlm-mysql-plugin (22.05), and the MariaDB
# server at 127.0.0.1:3306 for accounting (its own database); runs as root, as CI does.
set -euo pipefail
command=${1:?usage: cluster.sh start|populate|stop [DIR]}
dir=$(realpath -m "${2:-target/slurm}")
export SLURM_CONF="$dir/slurm.conf"
host=$(hostname -s)
ctl_port=${SLURM_TEST_CTLD_PORT:-16817}
dbd_port=${SLURM_TEST_DBD_PORT:-16819}
db_name=${SLURM_TEST_DB:-slurm_acct_hpcstest}   # on the MariaDB server at 127.0.0.1:3306
db_user=${SLURM_TEST_DB_USER:-root}
db_password=${SLURM_TEST_DB_PASSWORD:-}
node_port=${SLURM_TEST_NODE_PORT:-17001}
# name, CPUs, GPUs, partition: 4 CPU nodes and 2 GPU nodes that run, plus 2 that never start (down, never registered)
nodes=(cpu01:128:0 cpu02:128:0 cpu03:128:0 cpu04:128:0 gpu01:64:4 gpu02:64:4)
ghosts=(cpu05 cpu06)

log() { echo "slurm-cluster: $*" >&2; }

write_config() {
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge" "$dir/gres"
  chmod 755 "$dir" "$dir/munge"   # users submit jobs through the socket; the key itself is 400
  [ -f "$dir/munge/munge.key" ] || { dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 2>/dev/null;
    chmod 400 "$dir/munge/munge.key"; }
  for i in 0 1 2 3; do ln -sf /dev/null "$dir/gres/gpu$i"; done
  local port=$node_port lines=() name cpus gpus
  for spec in "${nodes[@]}"; do
    IFS=: read -r name cpus gpus <<<"$spec"
    local gres=""; [ "$gpus" -gt 0 ] && gres=" Gres=gpu:$gpus"
    lines+=("NodeName=$name NodeHostname=$host NodeAddr=127.0.0.1 Port=$port CPUs=$cpus RealMemory=256000$gres State=UNKNOWN")
    port=$((port + 1))
  done
  for name in "${ghosts[@]}"; do
    lines+=("NodeName=$name NodeHostname=$host NodeAddr=127.0.0.1 Port=$port CPUs=128 RealMemory=256000 State=UNKNOWN")
    port=$((port + 1))
  done
  cat > "$SLURM_CONF" <<EOF
ClusterName=hpcstest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctl_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
ReturnToService=2
GresTypes=gpu
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=$host
AccountingStoragePort=$dbd_port
AccountingStoragePass=$dir/munge/munge.socket
AccountingStorageTRES=gres/gpu
SlurmctldTimeout=30
SlurmdTimeout=30
$(printf '%s\n' "${lines[@]}")
PartitionName=main Nodes=cpu[01-03,05-06] Default=YES MaxTime=INFINITE DefaultTime=1-00:00:00 State=UP
PartitionName=develop Nodes=cpu04 MaxTime=INFINITE DefaultTime=1-00:00:00 State=UP
PartitionName=gpu Nodes=gpu[01-02] MaxTime=INFINITE DefaultTime=1-00:00:00 State=UP
EOF
  cat > "$dir/slurmdbd.conf" <<EOF
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
DbdHost=$host
DbdPort=$dbd_port
SlurmUser=root
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=3306
StorageUser=$db_user
${db_password:+StoragePass=$db_password}
StorageLoc=$db_name
PidFile=$dir/slurmdbd.pid
LogFile=$dir/slurmdbd.log
EOF
  chmod 600 "$dir/slurmdbd.conf"
  cat > "$dir/gres.conf" <<EOF
NodeName=gpu[01-02] Name=gpu File=$dir/gres/gpu[0-3]
EOF
}

start() {
  write_config
  # Accounting starts empty: jobs of an earlier run would count as this one's.
  mysql --protocol=tcp -h 127.0.0.1 -u "$db_user" ${db_password:+-p"$db_password"} \
    -e "DROP DATABASE IF EXISTS $db_name" 2>/dev/null || log "could not reset $db_name; continuing"
  if ! [ -S "$dir/munge/munge.socket" ] || ! pgrep -f "munged.*$dir/munge" >/dev/null; then
    munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
      --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
  fi
  slurmdbd   # reads slurmdbd.conf next to $SLURM_CONF
  for _ in $(seq 1 60); do sacctmgr -n list cluster >/dev/null 2>&1 && break; sleep 0.5; done
  sacctmgr -i add cluster hpcstest >/dev/null 2>&1 || true
  slurmctld -f "$SLURM_CONF"
  local spec name
  for spec in "${nodes[@]}"; do
    name=${spec%%:*}
    slurmd -f "$SLURM_CONF" -N "$name"
  done
  for _ in $(seq 1 60); do
    if [ "$(sinfo -h -N -t idle -o '%N' 2>/dev/null | sort -u | wc -l)" -ge "${#nodes[@]}" ]; then
      log "up: ${#nodes[@]} nodes idle, ${#ghosts[@]} never started"
      echo "$SLURM_CONF"
      return 0
    fi
    sleep 0.5
  done
  log "nodes did not come up; see $dir/*.log"; sinfo -N >&2 || true
  return 1
}

populate() {
  local users=(alice bob carol) u
  for u in "${users[@]}"; do id "$u" >/dev/null 2>&1 || useradd -M -s /usr/sbin/nologin "$u"; done
  sacctmgr -i add account ncar0001,ucb0002 Cluster=hpcstest >/dev/null 2>&1 || true
  sacctmgr -i add user alice,bob Account=ncar0001 >/dev/null 2>&1 || true
  sacctmgr -i add user carol Account=ucb0002 >/dev/null 2>&1 || true
  sub() { local user=$1; shift; runuser -u "$user" -- sbatch --parsable -o /dev/null -D /tmp "$@"; }
  # Finished jobs with real waits: short jobs queued behind one that fills the develop partition for 20 s.
  local blocker; blocker=$(sub alice -p develop -n 128 --wrap 'sleep 20')
  for _ in 1 2 3; do sub bob -p develop -n 32 --wrap 'sleep 1' >/dev/null; done
  for _ in $(seq 1 80); do [ -z "$(squeue -h -p develop 2>/dev/null)" ] && break; sleep 0.5; done
  # Running: alice fills most of main, bob runs on develop and on the GPUs, carol an array.
  sub alice -p main -N 2 --exclusive --wrap 'sleep 100000' >/dev/null
  sub bob -p develop -n 64 --wrap 'sleep 100000' >/dev/null
  sub bob -p gpu -n 8 --gres=gpu:2 --wrap 'sleep 100000' >/dev/null
  sub carol -p main -a 1-4 -n 16 --wrap 'sleep 100000' >/dev/null
  # Pending: for resources, on a dependency, and held.
  sub alice -p main -N 3 --exclusive --wrap 'sleep 100000' >/dev/null
  local first; first=$(sub bob -p develop -n 128 --wrap 'sleep 100000')
  sub bob -p develop -n 8 --dependency=afterok:"$first" --wrap 'sleep 100000' >/dev/null
  sub carol -p gpu -n 4 --gres=gpu:1 -H --wrap 'sleep 100000' >/dev/null
  # A drained node with a reason, a reservation now and a maintenance window ahead.
  scontrol update NodeName=cpu03 State=DRAIN Reason="bad DIMM"
  scontrol create reservation ReservationName=workshop Users=alice StartTime=now Duration=04:00:00 \
    Nodes=gpu02 Flags=IGNORE_JOBS >/dev/null
  scontrol create reservation ReservationName=MONTHLY_MAINTENANCE Users=root StartTime=now+7days \
    Duration=08:00:00 Nodes=ALL Flags=MAINT,IGNORE_JOBS >/dev/null
  for _ in $(seq 1 40); do [ "$(squeue -h -t R | wc -l)" -ge 3 ] && break; sleep 0.5; done
  log "populated: $(squeue -h -t R | wc -l) running, $(squeue -h -t PD | wc -l) pending"
}

stop() {
  [ -f "$SLURM_CONF" ] || return 0
  # Jobs outlive a killed slurmd: cancel them all first, and wait for them to end.
  local jobs; jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
  if [ -n "${jobs// /}" ]; then
    scancel --full $jobs 2>/dev/null || true
    for _ in $(seq 1 40); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.25; done
  fi
  local pid_file pid
  for pid_file in "$dir"/slurmd-*.pid "$dir/slurmctld.pid" "$dir/slurmdbd.pid" "$dir/munge/munged.pid"; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  done
  # A job step left over (its slurmd killed first) carries this cluster's SLURM_CONF in its environment.
  for pid in $(pgrep -x slurmstepd); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "SLURM_CONF=$SLURM_CONF"; then
      pkill -9 -P "$pid" 2>/dev/null || true
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  log "stopped"
}

case "$command" in
  start) start ;;
  populate) populate ;;
  stop) stop ;;
  *) echo "usage: cluster.sh start|populate|stop [DIR]" >&2; exit 2 ;;
esac
