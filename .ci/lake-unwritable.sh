#!/usr/bin/env bash
# Issue 11, item 8, a lane of .ci/faults.sh: the lake on a file system that stops taking writes in
# the middle of a run. Run by faults.sh inside `unshare -m` (a private mount namespace: the mounts
# below are invisible to the rest of the machine and vanish with the lane). The lake lives on its
# own small tmpfs; each faulty run is paused at a phase (QUALITY_PAUSE_AT, io/FaultInjection), the
# tmpfs is broken, the run resumed:
#   1. full disk:  paused after its first bronze commit, the tmpfs filled to the last byte (ENOSPC);
#   2. read-only:  the filler removed; paused after a gold commit, the tmpfs remounted read-only (EROFS);
#   3. fixed:      remounted read-write, a run without faults.
# Runs 1 and 2 must exit 1 with an `error:` line naming the lake and the cause; run 3 must succeed.
# The healed lake and its PDFs are then copied to <work>/unwritable{,-out} for LakeCompare.
#   .ci/lake-unwritable.sh <work> <months> <as-of>     (needs <work>/landing and <work>/log)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$1"; months="$2"; asof="$3"
log="$work/log"; mnt="$work/unwritable-mnt"; lake="$mnt/lake"; out="$work/unwritable-out"
pause="$work/unwritable.pause"
t0=$SECONDS
say() { printf '[faults unwritable %4ds] %s\n' $((SECONDS - t0)) "$*"; }

mkdir -p "$mnt"
mount -t tmpfs -o size=64m,mode=0755 tmpfs "$mnt"
trap 'umount -l "$mnt" 2>/dev/null || true' EXIT

# faulty_run <name> <phase> <expected cause> <command breaking the lake...>
faulty_run() {
  local name="$1" phase="$2" cause="$3" pid rc=0 err
  shift 3
  rm -f "$pause"
  QUALITY_PAUSE_AT="$phase" QUALITY_PAUSE_FILE="$pause" ./quality run --landing "$work/landing" --lake "$lake" \
    --out "$out" --month "$months" --as-of "$asof" --threads 1 >"$log/$name.log" 2>&1 &
  pid=$!
  while [ ! -e "$pause" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "FAIL: $name ended before reaching $phase"; tail -n 30 "$log/$name.log"; return 1
    fi
    sleep 0.2
  done
  "$@"
  rm -f "$pause"
  wait "$pid" || rc=$?
  err="$(grep -m1 '^error: ' "$log/$name.log" || true)"
  if [ "$rc" != 1 ] || [[ "$err" != *"the lake $lake "* ]] || [[ "$err" != *"$cause"* ]]; then
    say "FAIL: $name exited $rc; expected 1 and an error naming the lake $lake and '$cause'; got: ${err:-no error line}"
    tail -n 30 "$log/$name.log"; return 1
  fi
  say "$name: exit 1, ${err:0:200}"
}

fill() { dd if=/dev/zero of="$mnt/filler" bs=1M 2>/dev/null || true; say "tmpfs filled: $(df -h --output=used,avail "$mnt" | tail -1)"; }
# A remount fails (EBUSY) while a file is open for writing: other threads of the run go on meanwhile.
read_only() {
  local i
  for i in $(seq 100); do
    if mount -o remount,ro "$mnt" 2>/dev/null; then say "tmpfs remounted read-only"; return 0; fi
    sleep 0.1
  done
  say "FAIL: cannot remount $mnt read-only"; return 1
}

faulty_run unwritable-full commit:bronze/roster "No space left on device" fill
rm -f "$mnt/filler"
faulty_run unwritable-readonly commit:gold/sla_events "Read-only file system" read_only
mount -o remount,rw "$mnt"
if ! ./quality run --landing "$work/landing" --lake "$lake" --out "$out" --month "$months" --as-of "$asof" \
    --threads 1 >"$log/unwritable-fixed.log" 2>&1; then
  say "FAIL: the run after fixing the lake"; tail -n 40 "$log/unwritable-fixed.log"; exit 1
fi
say "run after fixing the lake: done"
cp -a "$lake" "$work/unwritable"
