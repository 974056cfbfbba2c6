#!/usr/bin/env bash
# Stops the Flink session cluster that deploy/flink/start-cluster.sh started: every JVM it
# recorded, politely first, then forcibly, so that no process is left behind.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${VAAR_FLINK_STATE:-$repo/target/flink-cluster}"
stopped=0
for pidfile in "$state"/*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
    stopped=$((stopped + 1))
  fi
  rm -f "$pidfile"
done
echo "Flink session cluster stopped ($stopped process(es))"
