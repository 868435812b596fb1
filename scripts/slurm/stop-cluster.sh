#!/usr/bin/env bash
# stop-cluster.sh - stop the one-node SLURM cluster started by scripts/slurm/start-cluster.sh.
# Cancels the jobs left, then stops slurmd, slurmctld and (only if start-cluster.sh started it)
# munged by the process ids in their pid files - never by process name.
#   --purge   also delete the state/log directory (the next start is from a clean slate)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E "$0" "$@"
fi

DIR=${SLURM_CI_DIR:-/tmp/regiosim-slurm}
export SLURM_CONF=${SLURM_CONF:-/etc/slurm/slurm.conf}
log() { echo "[stop-cluster] $*" >&2; }

alive() {
  local st
  [ -n "${1:-}" ] || return 1
  st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}
pid_of() { if [ -s "$1" ]; then cat "$1"; fi; }
# Stops PID if it runs the executable $2: SIGTERM, wait up to $3 s, then SIGKILL.
stop_pid() {
  local pid=$1 name=$2 t=${3:-20}
  if ! alive "$pid" || ! grep -qx "$name" "/proc/$pid/comm" 2>/dev/null; then
    log "$name is not running"; return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((t * 10))); do alive "$pid" || return 0; sleep 0.1; done
  log "$name did not exit: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true
}

ctld=$(pid_of "$DIR/run/slurmctld.pid")
if alive "$ctld" && command -v squeue >/dev/null; then
  jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ' || true)
  if [ -n "${jobs// /}" ]; then
    log "cancelling jobs: $jobs"
    # shellcheck disable=SC2086 # a list of job ids
    scancel $jobs 2>/dev/null || true
    for _ in $(seq 1 100); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
  fi
fi

stop_pid "$(pid_of "$DIR/run/slurmd.pid")" slurmd
stop_pid "$ctld" slurmctld
if [ -e "$DIR/run/munged.ours" ]; then
  stop_pid "$(pid_of /run/munge/munged.pid)" munged
  rm -f "$DIR/run/munged.ours"
fi
if [ "${1:-}" = "--purge" ]; then
  log "removing $DIR"; rm -rf "$DIR"
fi
log "done"
