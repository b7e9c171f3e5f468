#!/usr/bin/env bash
# The shared store under load: close throughput and p99 of the mock with the memory store, with the Redis store
# (one instance), and two instances on the same Redis; Redis commands per close from INFO commandstats deltas; and
# redis-benchmark's EVALSHA rate of the same two scripts a close runs (GCRA bucket, journal append) on this machine,
# the ceiling the mock's Redis traffic is compared with. Starts its own redis-server (Debian package) on a free port.
# The mocks and Redis share CPU $SERVER_CPU; wrk and redis-benchmark run on CPU $LOAD_CPU.
# Called by load.sh (STORE_RUN=0 skips it there); alone: bash benchmarks/load-redis.sh
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
WARMUP=${WARMUP:-10}              # s of wrk load before each measured run (JIT)
DURATION=${DURATION:-10}          # s per measured run
CONNECTIONS=${CONNECTIONS:-32}    # wrk connections in all (two instances: half each)
SERVER_CPU=${SERVER_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
PORT=${PORT:-18690}               # mocks on PORT and PORT+1, Redis on PORT+9
REDIS_PORT=$((PORT + 9))
BENCH_REQUESTS=${BENCH_REQUESTS:-200000}   # redis-benchmark: calls per script
JVM_OPTS=${JVM_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
MOCK_JAR=${MOCK_JAR:-$REPO/mock-server/target/deepcleer-mock.jar}
OUT=${OUT:-$REPO/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)-redis}
mkdir -p "$OUT"
log() { printf '[redis %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }

PIDS=()
cleanup() { local pid; for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

[ -f "$MOCK_JAR" ] || { log "missing $MOCK_JAR (mvn -B -pl mock-server -am package -DskipTests)"; exit 2; }
for tool in redis-server redis-cli redis-benchmark; do
  command -v "$tool" >/dev/null || { log "$tool missing: apt-get install -y redis-server redis-tools"; exit 2; }
done
command -v wrk >/dev/null || { log "wrk missing: apt-get install -y wrk"; exit 2; }

rcli() { redis-cli -p "$REDIS_PORT" "$@"; }
wait_http() { local url=$1 i; for i in $(seq 1 600); do curl -s -o /dev/null "$url" && return 0; sleep 0.2; done; return 1; }
stop_mocks() { local pid; for pid in "${MOCKS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; MOCKS=(); }

cat >"$OUT/close.lua" <<'LUA'
wrk.method = "POST"
wrk.path = "/finish_videostream/v4"
wrk.body = '{"accessKey":"bench-key","requestId":"bench-stream-1"}'
wrk.headers["Content-Type"] = "application/json"
LUA

taskset -c "$SERVER_CPU" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  >"$OUT/redis.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 100); do rcli ping >/dev/null 2>&1 && break; sleep 0.1; done
rcli ping >/dev/null || { log "redis-server did not start (see $OUT/redis.log)"; exit 1; }
STORE=redis://127.0.0.1:$REDIS_PORT

# Starts n mocks (memory or redis store) on PORT, PORT+1, ... pinned to SERVER_CPU.
MOCKS=()
start_mocks() {
  local store=$1 n=$2 i args
  for i in $(seq 0 $((n - 1))); do
    args=(--port $((PORT + i)) --access-key bench-key --qps 1000000000)
    [ "$store" = redis ] && args+=(--store "$STORE")
    # shellcheck disable=SC2086
    taskset -c "$SERVER_CPU" java $JVM_OPTS -jar "$MOCK_JAR" "${args[@]}" >"$OUT/mock-$store-$n-$i.log" 2>&1 &
    MOCKS+=($!); PIDS+=($!)
  done
  for i in $(seq 0 $((n - 1))); do
    wait_http "http://127.0.0.1:$((PORT + i))/__admin/health" || { log "mock $i did not start"; exit 1; }
  done
}

# wrk on every started mock at once, CONNECTIONS split between them; prints "req/s p99ms requests".
load() {
  local name=$1 secs=$2 n=${#MOCKS[@]} i c=$((CONNECTIONS / ${#MOCKS[@]}))
  local -a waits=()
  for i in $(seq 0 $((n - 1))); do
    taskset -c "$LOAD_CPU" wrk -t1 -c"$c" -d"${secs}s" --latency -s "$OUT/close.lua" "http://127.0.0.1:$((PORT + i))" \
      >"$OUT/$name.$i.txt" 2>&1 &
    waits+=($!)
  done
  wait "${waits[@]}"
  cat "$OUT/$name".*.txt | awk '
    /Latency Distribution/ { inlat = 1 }
    inlat && $1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
      else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } if (v > p99) p99 = v; inlat = 0 }
    /requests in/ { req += $1 }
    /Requests\/sec:/ { rps += $2 }
    END { printf "%.0f %.2f %d\n", rps, p99, req }'
}

# Commands Redis ran since the last CONFIG RESETSTAT (INFO and CONFIG themselves left out). INFO commandstats also
# counts the commands a script runs (redis.call), so two figures: what the mocks sent (EVAL/EVALSHA and commands no
# script runs) and everything Redis executed.
STATS_FILTER='/^cmdstat_/ && $1 != "cmdstat_info" && $1 !~ /^cmdstat_config/'
commands_run() {
  rcli info commandstats | tr -d '\r' | awk -F'[:=,]' "$STATS_FILTER { n += \$3 } END { print n + 0 }"
}
commands_sent() { # scripts' inner commands (incr, time, get, set, xadd, zscore, ...) are not sent by the mocks here
  rcli info commandstats | tr -d '\r' \
    | awk -F'[:=,]' "$STATS_FILTER && \$1 ~ /^cmdstat_(eval|evalsha|xrevrange|zrange|hmget|del|xlen|script)\$/ { n += \$3 } END { print n + 0 }"
}
command_mix() {
  rcli info commandstats | tr -d '\r' | awk -F'[:=,]' "$STATS_FILTER { printf \"%s%s %s\", sep, substr(\$1, 9), \$3; sep = \", \" }"
}

declare -A RPS P99 PER_CLOSE RUN_PER_CLOSE MIX
measure() { # name store instances
  local name=$1 store=$2 n=$3 result served sent run
  log "=== $name: $n mock(s), $store store ==="
  rcli flushall >/dev/null
  start_mocks "$store" "$n"
  load "$name-warmup" "$WARMUP" >/dev/null
  rcli config resetstat >/dev/null
  result=$(load "$name" "$DURATION")
  read -r RPS[$name] P99[$name] served <<<"$result"
  sent=$(commands_sent)
  run=$(commands_run)
  PER_CLOSE[$name]=$(awk -v c="$sent" -v s="$served" 'BEGIN { printf "%.2f", (s > 0 ? c / s : 0) }')
  RUN_PER_CLOSE[$name]=$(awk -v c="$run" -v s="$served" 'BEGIN { printf "%.2f", (s > 0 ? c / s : 0) }')
  MIX[$name]=$(command_mix)
  log "$name: ${RPS[$name]} req/s, p99 ${P99[$name]} ms, $served closes, Redis: $sent commands sent, $run run (${MIX[$name]:-none})"
  if [ "$store" = redis ]; then
    log "$name: journal stream holds $(rcli xlen dcm:journal) entries; instance 0 lists $(curl -s \
      "http://127.0.0.1:$PORT/__admin/requests?limit=3" | grep -o '"seq"' | wc -l) of limit=3; dropped: $(curl -s \
      "http://127.0.0.1:$PORT/__admin/requests?limit=1" | grep -o '"dropped":[0-9]*')"
  fi
  stop_mocks
}

measure memory-1 memory 1
measure redis-1 redis 1
measure redis-2 redis 2

# The ceiling: the same two scripts a close runs, straight from redis-benchmark (32 connections, no pipelining).
# GCRA and APPEND are copies of RedisTokenBuckets.GCRA and RedisJournal.APPEND; LoadScriptCopiesTest fails when they drift.
GCRA=$(cat <<'LUA'
local qps = tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = math.floor(1000000 / qps)
if interval < 1 then interval = 1 end
local tolerance = interval * qps
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local nxt = tat + interval
if nxt - now > tolerance then return 0 end
redis.call('SET', KEYS[1], string.format('%d', nxt), 'PX', math.floor((nxt - now) / 1000) + 1)
return 1
LUA
)
APPEND=$(cat <<'LUA'
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'seq', seq, unpack(ARGV, 2))
return seq
LUA
)
rcli flushall >/dev/null
GCRA_SHA=$(rcli script load "$GCRA")
APPEND_SHA=$(rcli script load "$APPEND")
bench() { # name args...
  local name=$1; shift
  taskset -c "$LOAD_CPU" redis-benchmark -p "$REDIS_PORT" -c 32 -n "$BENCH_REQUESTS" -q "$@" 2>&1 | tr '\r' '\n' \
    | grep 'requests per second' | tail -n 1 | awk '{ for (i = 1; i <= NF; i++) if ($(i + 1) == "requests") { printf "%.0f", $i; exit } }'
}
BENCH_GCRA=$(bench gcra evalsha "$GCRA_SHA" 1 dcm:bucket:close:1000000000:bench-key 1000000000)
# A close's entry as the mock writes it (same fields and sizes; the body Base64).
BENCH_APPEND=$(bench append evalsha "$APPEND_SHA" 2 dcm:journal dcm:journal:seq 10000 t 1764446400000000000 m POST \
  p /finish_videostream/v4 k bench-key r bench-stream-1 c 1100 why 'unknown stream (unknownStream policy: accept)' u 1 \
  id 0123456789abcdef0123456789abcdef l 120000 b eyJhY2Nlc3NLZXkiOiJiZW5jaC1rZXkiLCJyZXF1ZXN0SWQiOiJiZW5jaC1zdHJlYW0tMSJ9)
log "redis-benchmark EVALSHA: GCRA $BENCH_GCRA/s, journal append $BENCH_APPEND/s"

ceiling() { # closes/s Redis could serve if every close ran one GCRA and one append, nothing else
  awk -v g="$BENCH_GCRA" -v a="$BENCH_APPEND" 'BEGIN { if (g > 0 && a > 0) printf "%.0f", 1 / (1 / g + 1 / a); else print "n/a" }'
}
CEILING=$(ceiling)
{
  echo "## Memory store vs Redis store, $(date -u +%Y-%m-%dT%H:%M:%SZ), git $(git rev-parse --short HEAD)"
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Mocks and redis-server on CPU $SERVER_CPU, wrk and"
  echo "redis-benchmark on CPU $LOAD_CPU; warm-up ${WARMUP}s, then \`wrk -t1 --latency\` for ${DURATION}s with $CONNECTIONS"
  echo "connections in all (two instances: half on each, run at once, req/s summed, p99 the worse)."
  echo
  echo "| setup | closes/s | p99 ms | Redis commands sent per close | run per close (incl. inside scripts) | INFO commandstats calls |"
  echo "|---|---:|---:|---:|---:|---|"
  for n in memory-1 redis-1 redis-2; do
    echo "| $n | ${RPS[$n]} | ${P99[$n]} | ${PER_CLOSE[$n]} | ${RUN_PER_CLOSE[$n]} | ${MIX[$n]:-none} |"
  done
  echo
  echo "| redis-benchmark -c 32 -n $BENCH_REQUESTS, EVALSHA of | calls/s |"
  echo "|---|---:|"
  echo "| the GCRA bucket script (one hot key) | $BENCH_GCRA |"
  echo "| the journal append script (a close's entry, MAXLEN 10000) | $BENCH_APPEND |"
  echo "| both, one after the other (closes/s Redis alone could serve) | $CEILING |"
  echo
  echo "Redis store closes/s against that ceiling: one instance $(awk -v r="${RPS[redis-1]}" -v c="$CEILING" 'BEGIN { printf "%.2f", r / c }'),"
  echo "two instances $(awk -v r="${RPS[redis-2]}" -v c="$CEILING" 'BEGIN { printf "%.2f", r / c }'); memory store $(awk -v r="${RPS[memory-1]}" -v c="$CEILING" 'BEGIN { printf "%.2f", r / c }')."
} | tee "$OUT/summary.md"
