#!/usr/bin/env bash
# Starts a Flink 1.19 session cluster on this machine, bound to localhost: a JobManager and
# one or more TaskManagers as separate JVMs, from the Flink classes inside vaar.jar (the build
# resolves them; nothing is downloaded). Waits until the TaskManagers have registered, then
# prints the REST address to give ./vaar audit --runner flink --flink-master.
#
#   deploy/flink/start-cluster.sh [--taskmanagers N] [--port REST_PORT]
#   ./vaar audit --runner flink --flink-master localhost:8081
#   deploy/flink/stop-cluster.sh
#
# Logs and pid files go to $VAAR_FLINK_STATE (default: target/flink-cluster).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${VAAR_FLINK_STATE:-$repo/target/flink-cluster}"
taskmanagers=1
port=8081
while [ $# -gt 0 ]; do
  case "$1" in
    --taskmanagers) taskmanagers="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "start-cluster.sh: unknown option '$1'; use --taskmanagers N or --port PORT" >&2; exit 2 ;;
  esac
done
if ! [[ "$taskmanagers" =~ ^[1-9][0-9]*$ && "$port" =~ ^[1-9][0-9]*$ ]]; then
  echo "start-cluster.sh: --taskmanagers and --port take positive whole numbers" >&2
  exit 2
fi
for pidfile in "$state"/*.pid; do
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "start-cluster.sh: a cluster started from here is running (pid $(cat "$pidfile")); run deploy/flink/stop-cluster.sh first" >&2
    exit 1
  fi
done
if curl -s -o /dev/null "http://localhost:$port/overview"; then
  echo "start-cluster.sh: port $port already answers; stop that service or use --port" >&2
  exit 1
fi

"$repo/vaar" --version >/dev/null   # builds vaar.jar if it is missing or stale
jar="$repo/pipeline/target/vaar.jar"

mkdir -p "$state/conf"
rm -f "$state"/*.pid
sed "s/^rest.port: .*/rest.port: $port/" "$here/conf/config.yaml" > "$state/conf/config.yaml"

opens=()
for package in java.base/java.lang java.base/java.lang.reflect java.base/java.util \
    java.base/java.util.concurrent java.base/java.io java.base/java.nio java.base/sun.nio.ch \
    java.base/java.net java.base/java.time java.base/java.text java.sql/java.sql; do
  opens+=(--add-opens "$package=ALL-UNNAMED")
done

start() {  # name, main class, heap
  nohup java "${opens[@]}" -Xmx"$3" -Dlog.file="$state/$1.log" -cp "$jar" "$2" \
    --configDir "$state/conf" >"$state/$1.out" 2>&1 &
  echo $! >"$state/$1.pid"
}
start jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint 768m
for i in $(seq 1 "$taskmanagers"); do
  start "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner 1400m
done

deadline=$((SECONDS + 120))
while [ $SECONDS -lt $deadline ]; do
  overview="$(curl -s "http://localhost:$port/overview" || true)"
  registered="$(echo "$overview" | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p')"
  if [ "${registered:-0}" -ge "$taskmanagers" ]; then
    echo "Flink session cluster up: REST localhost:$port, $taskmanagers TaskManager(s), logs in $state"
    echo "run: ./vaar audit --runner flink --flink-master localhost:$port"
    exit 0
  fi
  sleep 1
done
echo "start-cluster.sh: no TaskManager registered within 120 s; see $state/*.out" >&2
"$here/stop-cluster.sh" >/dev/null
exit 1
