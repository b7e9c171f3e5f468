#!/usr/bin/env bash
# Load run of the simulation: the mock with STREAMS running streams (returnAllImg=1, detectFrequency 1, so about
# STREAMS frame-result callbacks per second are due) sending to a loopback receiver that answers 200
# (benchmarks CallbackSink). Reports the callback rate the receiver saw, the close throughput (wrk -c32) while it
# runs and without streams, the mock's threads and RSS. Mock on CPU $SERVER_CPU; receiver and wrk on CPU $LOAD_CPU.
# Called by load.sh (CALLBACK_STREAMS=0 skips it there); alone: bash benchmarks/load-callbacks.sh
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
STREAMS=${STREAMS:-10000}
WINDOW=${WINDOW:-30}              # s over which the callback rate is measured
SETTLE=${SETTLE:-15}              # s of running before the window (JIT, connection pool)
DURATION=${DURATION:-10}          # s of wrk close load inside the window
SERVER_CPU=${SERVER_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
PORT=${PORT:-18480}
SINK_PORT=${SINK_PORT:-18481}
JVM_OPTS=${JVM_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
MOCK_JAR=${MOCK_JAR:-$REPO/mock-server/target/deepcleer-mock.jar}
BENCH_JAR=$REPO/benchmarks/target/benchmarks.jar
OUT=${OUT:-$REPO/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)-callbacks}
mkdir -p "$OUT"
log() { printf '[callbacks %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }

PIDS=()
cleanup() { local pid; for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

[ -f "$MOCK_JAR" ] || { log "missing $MOCK_JAR (mvn -B -pl mock-server -am package -DskipTests)"; exit 2; }
[ -f "$BENCH_JAR" ] || { log "missing $BENCH_JAR (mvn -B -pl benchmarks -am package -DskipTests)"; exit 2; }

wait_http() { local url=$1 i; for i in $(seq 1 600); do curl -sf -o /dev/null "$url" && return 0; sleep 0.2; done; return 1; }
count() { curl -sf "http://127.0.0.1:$SINK_PORT/count"; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
threads() { ls "/proc/$1/task" | wc -l; }
wrk_close() { # prints requests/s
  taskset -c "$LOAD_CPU" wrk -t1 -c32 -d"${DURATION}s" -s "$OUT/close.lua" "http://127.0.0.1:$PORT" >"$OUT/$1.txt" 2>&1
  awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$OUT/$1.txt"
}
cat >"$OUT/close.lua" <<'LUA'
wrk.method = "POST"
wrk.path = "/finish_videostream/v4"
wrk.body = '{"accessKey":"bench-key","requestId":"bench-stream-1"}'
wrk.headers["Content-Type"] = "application/json"
LUA

# The streams come from a configuration file, so all of them are ACTIVE (and simulated) from the start.
{
  echo "accounts:"
  echo "  - {accessKey: bench-key, qps: 1000000000, maxStreams: $STREAMS}"
  echo "streams:"
  for i in $(seq 1 "$STREAMS"); do
    echo "  - {requestId: s$i, accessKey: bench-key, imgCallback: 'http://127.0.0.1:$SINK_PORT/img', data: {returnAllImg: 1, detectFrequency: 1}}"
  done
} >"$OUT/streams.yaml"
echo "accounts: [{accessKey: bench-key, qps: 1000000000}]" >"$OUT/empty.yaml"

taskset -c "$LOAD_CPU" java -cp "$BENCH_JAR" io.github.deepcleermock.benchmarks.load.CallbackSink "$SINK_PORT" >"$OUT/sink.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$SINK_PORT/count" || { log "sink did not start"; exit 1; }

# 1. Close throughput without streams (same warm-up as with them).
taskset -c "$SERVER_CPU" java $JVM_OPTS -jar "$MOCK_JAR" --port "$PORT" --config "$OUT/empty.yaml" >"$OUT/mock-empty.log" 2>&1 &
MOCK=$!; PIDS+=($MOCK)
wait_http "http://127.0.0.1:$PORT/__admin/health" || { log "mock did not start"; exit 1; }
sleep "$SETTLE"
wrk_close warmup-empty >/dev/null
CLOSE_EMPTY=$(wrk_close close-empty)
log "close req/s without streams: $CLOSE_EMPTY"
kill "$MOCK"; wait "$MOCK" 2>/dev/null || true

# 2. The same with STREAMS running streams.
taskset -c "$SERVER_CPU" java $JVM_OPTS -jar "$MOCK_JAR" --port "$PORT" --config "$OUT/streams.yaml" >"$OUT/mock-streams.log" 2>&1 &
MOCK=$!; PIDS+=($MOCK)
wait_http "http://127.0.0.1:$PORT/__admin/health" || { log "mock did not start"; exit 1; }
log "mock up with $STREAMS streams; settling ${SETTLE}s"
sleep "$SETTLE"
wrk_close warmup-streams >/dev/null
C0=$(count); T0=$(date +%s.%N)
CLOSE_STREAMS=$(wrk_close close-streams)
sleep $(( WINDOW > DURATION ? WINDOW - DURATION : 0 ))
C1=$(count); T1=$(date +%s.%N)
RATE=$(awk -v a="$C0" -v b="$C1" -v s="$T0" -v e="$T1" 'BEGIN { printf "%.0f", (b - a) / (e - s) }')
THREADS=$(threads "$MOCK"); RSS=$(rss_mb "$MOCK")
curl -s "http://127.0.0.1:$PORT/__admin/callbacks" >"$OUT/callbacks.json"
OUTCOMES=$(python3 -c 'import json,sys,collections; print(dict(collections.Counter(a["outcome"] for a in json.load(open(sys.argv[1]))["callbacks"])))' "$OUT/callbacks.json")
log "callbacks/s received: $RATE (expected about $STREAMS); close req/s meanwhile: $CLOSE_STREAMS; threads $THREADS; RSS $RSS MB"

{
  echo "| measure | value |"
  echo "|---|---:|"
  echo "| running streams (returnAllImg=1, detectFrequency 1) | $STREAMS |"
  echo "| callbacks received per second (over ${WINDOW}s, after ${SETTLE}s) | $RATE |"
  echo "| close req/s @32 while they run | $CLOSE_STREAMS |"
  echo "| close req/s @32 without streams | $CLOSE_EMPTY |"
  echo "| mock threads | $THREADS |"
  echo "| mock RSS MB | $RSS |"
  echo "| outcomes of the last attempts in the callback log | $OUTCOMES |"
} >"$OUT/summary.md"
cat "$OUT/summary.md"
