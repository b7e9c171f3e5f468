#!/usr/bin/env bash
# Load benchmark of the close endpoint: the mock against a raw Jetty 12 handler (the ceiling), a bare Javalin route
# and WireMock (defaults and best tuning), in ONE run, each server alone on one pinned core with wrk on the other.
# The mock's submit endpoint is measured the same way (mock-submit: every request opens a new stream; mock-cycle:
# submit then close each stream it opened), beside its close endpoint.
# Method, targets and the meaning of every figure: benchmarks/README.md. Raw results: benchmarks/results/<UTC time>/.
#
# Usage: bash benchmarks/load.sh           (full run, ~23 min on a quiet 2-core machine)
#        SERVERS= bash benchmarks/load.sh  (only the tail check under the JVM's default flags, ~4 min)
#        SERVERS=metrics-cost DEFAULT_ROUNDS=0 bash benchmarks/load.sh   (only the cost of metrics: the mock with
#                                                        and without --metrics in interleaved rounds, ~4 min)
#        WARMUP=2 DURATION=2 ROUNDS=1 STARTS=1 RSS_REQUESTS=50000 LIMITER_SECONDS=2 LIMITER_WARMUP=1 \
#          bash benchmarks/load.sh         (smoke run: proves the script works, its figures mean nothing)
# Other settings below (SERVERS, JVM_OPTS, MOCK_JAR, SKIP_BUILD, ...); exit status 1 if a server failed to start.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"

# ---- settings (environment overrides) --------------------------------------------------------------------------
WARMUP=${WARMUP:-30}                 # s of wrk -c32 load before the measured rounds of each server (JIT on one core)
DURATION=${DURATION:-10}             # s per measured wrk run
ROUNDS=${ROUNDS:-3}                  # rounds of (-c32, -c1) per server; the table shows medians
STARTS=${STARTS:-3}                  # cold starts per server for the start-up median (the last one stays up for the load)
RSS_REQUESTS=${RSS_REQUESTS:-1000000} # mock and raw Jetty: RSS of a fresh JVM after serving this many
SERVERS=${SERVERS-"mock mock-submit mock-cycle jetty javalin wiremock-defaults wiremock-best metrics-cost"}   # empty: only the no-flags tail check
METRICS_ROUNDS=${METRICS_ROUNDS:-6}  # metrics-cost: rounds of (metrics on, metrics off) -c32, order alternating
SERVER_CPU=${SERVER_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
BASE_PORT=${BASE_PORT:-18400}
# Same flags for every Java server. 1 GiB: WireMock's default (unbounded) journal must not run out of heap during
# the run, or "WireMock at defaults" would measure an OutOfMemoryError instead of WireMock. One explicit collector
# keeps the servers comparable (on one pinned core the JVM would pick SerialGC by itself); ParallelGC is the
# throughput collector, with the least per-request overhead.
JVM_OPTS=${JVM_OPTS:-"-Xmx1g -XX:+UseParallelGC"}
MOCK_JOURNAL_SIZE=${MOCK_JOURNAL_SIZE:-10000}   # the mock's default, passed explicitly so the run records it
# Tail check with NO JVM flags (what `java -jar` users get): the mock and the bare Javalin route, each in a fresh
# JVM per round, rounds interleaved (mock, javalin, mock, javalin, ...) so that machine noise hits both alike.
DEFAULT_ROUNDS=${DEFAULT_ROUNDS:-3}
DEFAULT_WARMUP=${DEFAULT_WARMUP:-20}  # s of wrk -c32 in each fresh JVM before its measured run
DEFAULT_DURATION=${DEFAULT_DURATION:-10}
LIMITER_QPS=${LIMITER_QPS:-100}
LIMITER_RATE=${LIMITER_RATE:-1000}
LIMITER_SECONDS=${LIMITER_SECONDS:-10}
LIMITER_WARMUP=${LIMITER_WARMUP:-5}  # s of paced load before the measured window, then a 2 s pause to refill
START_TIMEOUT=${START_TIMEOUT:-120}  # s to wait for a server's first answer
SKIP_BUILD=${SKIP_BUILD:-0}

ACCESS_KEY=bench-key
BODY='{"accessKey":"bench-key","requestId":"bench-stream-1"}'
CLOSE_PATH=/finish_videostream/v4
SUBMIT_PATH=/videostream/v4
# A submit that opens a stream: NORMAL, no audio, the url made unique per request by the wrk script.
SUBMIT_FIELDS='"accessKey":"bench-key","appId":"bench","eventId":"VIDEOSTREAM","imgType":"POLITY_EROTIC","audioType":"NONE","imgCallback":"http://127.0.0.1:9/img","data":{"streamType":"NORMAL","tokenId":"bench-user","url":"rtmp://bench.test/live/'
MOCK_JAR=${MOCK_JAR:-$REPO/mock-server/target/deepcleer-mock.jar}   # override to measure a jar built elsewhere
BENCH_JAR=$REPO/benchmarks/target/benchmarks.jar
WIREMOCK_JAR=$REPO/benchmarks/target/peers/wiremock-standalone.jar
PKG=io.github.deepcleermock.benchmarks

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$REPO/benchmarks/results/$STAMP
mkdir -p "$OUT"

log() { printf '[load %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/run.log" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---- every process we start is stopped by its PID ----------------------------------------------------------------
# PIDs of our servers still running; a PID leaves the set as soon as it is reaped, so a reused PID is never hit.
declare -A RUNNING=()
stop_pid() {
  local pid=$1 i
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
  unset "RUNNING[$pid]"
}
cleanup() {
  local pid
  for pid in "${!RUNNING[@]}"; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- prerequisites ----------------------------------------------------------------------------------------------
[ "$(nproc --all)" -ge 2 ] || die "needs 2 CPUs (server on CPU $SERVER_CPU, wrk on CPU $LOAD_CPU)"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  log "installing $* from Debian"
  as_root apt-get install -y "$@" >>"$OUT/run.log" 2>&1 \
    || { as_root apt-get update >>"$OUT/run.log" 2>&1 && as_root apt-get install -y "$@" >>"$OUT/run.log" 2>&1; } \
    || die "could not install $*"
}
command -v wrk >/dev/null || apt_install wrk
command -v curl >/dev/null || apt_install curl
command -v taskset >/dev/null || apt_install util-linux

if [ "$SKIP_BUILD" != 1 ]; then
  log "building mock-server and benchmarks (tests skipped)"
  mvn -B -q -DskipTests -Pload-peers package -pl mock-server,benchmarks -am >"$OUT/build.log" 2>&1 \
    || { tail -n 40 "$OUT/build.log" >&2; die "build failed (see $OUT/build.log)"; }
fi
[ -f "$BENCH_JAR" ] || die "$BENCH_JAR missing (run without SKIP_BUILD=1)"
[ -f "$WIREMOCK_JAR" ] || log "note: $WIREMOCK_JAR missing (build with -Pload-peers); WireMock will be skipped"

# From here on the script itself (curl polls, wrk, the paced client) stays on the load CPU; servers move to SERVER_CPU.
taskset -cp "$LOAD_CPU" $$ >/dev/null

WIREMOCK_ROOT=$OUT/wiremock-root
mkdir -p "$WIREMOCK_ROOT/mappings" "$WIREMOCK_ROOT/__files"
cp "$REPO"/benchmarks/src/main/wiremock/mappings/*.json "$WIREMOCK_ROOT/mappings/"

cat >"$OUT/post.lua" <<EOF
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
EOF

# Submits that each open a stream (a new url per request; -t1, so one counter is unique for the run).
cat >"$OUT/submit.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "$SUBMIT_PATH", nil, '{$SUBMIT_FIELDS' .. n .. '"}}')
end
EOF

# Submit, then close what was opened: a submit answer (told apart from a close answer by the acceptLang zh message)
# queues its task id, and the next request closes a queued id before a new submit is sent. One cycle = 2 requests.
cat >"$OUT/cycle.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
local opened = {}
request = function()
  local id = table.remove(opened)
  if id then
    return wrk.format(nil, "$CLOSE_PATH", nil, '{"accessKey":"$ACCESS_KEY","requestId":"' .. id .. '"}')
  end
  n = n + 1
  return wrk.format(nil, "$SUBMIT_PATH", nil, '{"acceptLang":"zh",$SUBMIT_FIELDS' .. n .. '"}}')
end
response = function(status, headers, body)
  if string.find(body, "成功", 1, true) then
    table.insert(opened, string.match(body, '"requestId":"(%x+)"'))
  end
end
EOF

{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host=$(uname -srm)"
  echo "cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo) x $(nproc --all)"
  echo "loadavg_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java=$(java -version 2>&1 | head -n 1)"
  echo "wrk=$(wrk -v 2>&1 | head -n 1)"
  echo "git=$(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
  for v in WARMUP DURATION ROUNDS STARTS RSS_REQUESTS SERVERS SERVER_CPU LOAD_CPU JVM_OPTS MOCK_JOURNAL_SIZE \
           METRICS_ROUNDS LIMITER_QPS LIMITER_RATE LIMITER_SECONDS LIMITER_WARMUP DEFAULT_ROUNDS DEFAULT_WARMUP \
           DEFAULT_DURATION; do
    echo "$v=${!v}"
  done
} >"$OUT/env.txt"
log "results go to $OUT"

# ---- helpers ----------------------------------------------------------------------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the command line of server $1 listening on port $2 (qps override in $3 for the mock). The JVM flags are
# JVM_OPTS unless CUR_OPTS is set (set but empty = no flags at all).
server_cmd() {
  local name=$1 port=$2 qps=${3:-1000000000}
  local JVM_OPTS=${CUR_OPTS-$JVM_OPTS}
  case $name in
    mock) echo "java $JVM_OPTS -jar $MOCK_JAR --port $port --access-key $ACCESS_KEY --qps $qps --journal-size $MOCK_JOURNAL_SIZE --metrics" ;;
    mock-no-metrics) echo "java $JVM_OPTS -jar $MOCK_JAR --port $port --access-key $ACCESS_KEY --qps $qps --journal-size $MOCK_JOURNAL_SIZE --no-metrics" ;;
    # Submits open streams that stay ACTIVE (mock-submit resets the mock before every wrk run to bound them).
    mock-submit|mock-cycle) echo "java $JVM_OPTS -jar $MOCK_JAR --port $port --access-key $ACCESS_KEY --qps $qps --journal-size $MOCK_JOURNAL_SIZE --max-streams 2000000000" ;;
    jetty) echo "java $JVM_OPTS -cp $BENCH_JAR $PKG.peers.RawJettyServer $port" ;;
    javalin) echo "java $JVM_OPTS -cp $BENCH_JAR $PKG.peers.BareJavalinServer $port" ;;
    wiremock-defaults) echo "java $JVM_OPTS -jar $WIREMOCK_JAR --port $port --bind-address 127.0.0.1 --root-dir $WIREMOCK_ROOT" ;;
    wiremock-best) echo "java $JVM_OPTS -jar $WIREMOCK_JAR --port $port --bind-address 127.0.0.1 --root-dir $WIREMOCK_ROOT --no-request-journal --disable-request-logging --container-threads 8" ;;
    *) die "unknown server '$name' (known: mock mock-submit mock-cycle jetty javalin wiremock-defaults wiremock-best metrics-cost)" ;;
  esac
}

server_jar() {
  case $1 in
    mock|mock-no-metrics|mock-submit|mock-cycle) echo "$MOCK_JAR" ;;
    wiremock-*) echo "$WIREMOCK_JAR" ;;
    *) echo "$BENCH_JAR" ;;
  esac
}

# Starts server $1 on port $2 pinned to SERVER_CPU, polls until the first 1100 answer; sets SERVER_PID, START_MS.
# Returns 1 (with the log tail shown) when it dies or never answers.
start_server() {
  local name=$1 port=$2 logfile=$3 qps=${4:-} t0 t1 answer
  port_free "$port" || { log "port $port is busy (set BASE_PORT)"; return 1; }
  local -a cmd
  read -r -a cmd <<<"$(server_cmd "$name" "$port" $qps)"
  t0=$(date +%s%N)
  taskset -c "$SERVER_CPU" "${cmd[@]}" >"$logfile" 2>&1 &
  SERVER_PID=$!
  RUNNING[$SERVER_PID]=1
  # Tight poll (no sleep): each curl costs a few ms on the load CPU, which bounds the resolution.
  while :; do
    answer=$(curl -s --max-time 2 -X POST -H 'Content-Type: application/json' --data "$BODY" \
      "http://127.0.0.1:$port$CLOSE_PATH" 2>/dev/null || true)
    if [[ $answer == *'"code":1100'* ]]; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      wait "$SERVER_PID" 2>/dev/null && rc=0 || rc=$?
      unset "RUNNING[$SERVER_PID]"
      log "$name exited (status $rc) before answering; last lines of $logfile:"
      tail -n 15 "$logfile" >&2 || true
      return 1
    fi
    if [ $(( ($(date +%s%N) - t0) / 1000000000 )) -ge "$START_TIMEOUT" ]; then
      log "$name gave no 1100 answer within ${START_TIMEOUT}s; last lines of $logfile:"
      tail -n 15 "$logfile" >&2 || true
      stop_pid "$SERVER_PID"
      return 1
    fi
  done
  t1=$(date +%s%N)
  START_MS=$(( (t1 - t0) / 1000000 ))
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wrk summary of file $1 as "req_per_s p99_ms requests non2xx socket_errors".
wrk_parse() {
  awk '
    /Latency Distribution/ { inlat = 1 }
    inlat && $1 == "99%" {
      v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
      else if (v ~ /ms$/) { sub(/ms$/, "", v) }
      else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
      else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
      p99 = v; inlat = 0
    }
    /requests in/ { req = $1 }
    /Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non = $NF }
    /Socket errors:/ { gsub(",", ""); se = $4 + $6 + $8 + $10 }
    END { printf "%.1f %.3f %d %d %d\n", rps, p99, req, non, se }' "$1"
}

# The wrk script of server $1: what it sends.
server_lua() {
  case $1 in
    mock-submit) echo "$OUT/submit.lua" ;;
    mock-cycle) echo "$OUT/cycle.lua" ;;
    *) echo "$OUT/post.lua" ;;
  esac
}

# Runs wrk against $1 with $2 connections for $3 seconds into file $4 (pinned to the load CPU via the script), with
# the script of server $5 (default: the close body). mock-submit restarts from the baseline first (POST
# /__admin/reset), so the streams each run opens do not pile up across runs.
run_wrk() {
  local lua
  lua=$(server_lua "${5:-}")
  if [ "${5:-}" = mock-submit ]; then
    curl -s --max-time 30 -X POST "${1%"$CLOSE_PATH"}/__admin/reset" >/dev/null || log "reset failed before $4"
  fi
  wrk -t1 -c"$2" -d"$3"s --latency -s "$lua" "$1" >"$4" 2>&1 || log "wrk exited non-zero (see $4)"
}

# For the submit variants: how many of the journal's newest entries (at most its size) answered other than 1100.
not_1100_in_journal() {
  local port=$1 all ok
  all=$(curl -s --max-time 30 "http://127.0.0.1:$port/__admin/requests?limit=$MOCK_JOURNAL_SIZE" | grep -o '"code":[0-9]*' | wc -l)
  ok=$(curl -s --max-time 30 "http://127.0.0.1:$port/__admin/requests?limit=$MOCK_JOURNAL_SIZE&code=1100" | grep -o '"code":[0-9]*' | wc -l)
  echo "$((all - ok)) of the $all newest"
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END {
    if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

note() { NOTE[$1]="${NOTE[$1]:+${NOTE[$1]} }$2"; }

# ---- per-server measurement ---------------------------------------------------------------------------------------
declare -A STATUS RPS32 P99_32 RPS1 P99_1 STARTUP RSS RSS1M RSS1M_SERVED SERVED NON2XX SOCKERR NOTE
printf 'server\tphase\tround\tconnections\treq_per_s\tp99_ms\trequests\tnon2xx\tsocket_errors\n' >"$OUT/wrk.tsv"
printf 'server\tstart\tstartup_ms\n' >"$OUT/startup.tsv"
printf 'server\twhen\trequests_served\trss_mb\n' >"$OUT/rss.tsv"

measure() {
  local name=$1 port=$2 dir=$OUT/$1 url i r c f fields served=0 non=0 se=0
  mkdir -p "$dir"
  url="http://127.0.0.1:$port$CLOSE_PATH"
  if [ ! -f "$(server_jar "$name")" ]; then
    STATUS[$name]="skipped: $(server_jar "$name") not found"
    log "SKIP $name: $(server_jar "$name") not found (not built yet?)"
    return 0
  fi
  local -a starts=()
  for i in $(seq 1 "$STARTS"); do
    if ! start_server "$name" "$port" "$dir/server-start$i.log"; then
      STATUS[$name]="FAILED to start"
      return 0
    fi
    starts+=("$START_MS")
    printf '%s\t%s\t%s\n' "$name" "$i" "$START_MS" >>"$OUT/startup.tsv"
    log "$name start $i: first 1100 after ${START_MS} ms"
    if [ "$i" -lt "$STARTS" ]; then stop_pid "$SERVER_PID"; fi
  done
  STARTUP[$name]=$(median "${starts[@]}")
  local pid=$SERVER_PID

  record() { # phase round connections file
    fields=$(wrk_parse "$4")
    read -r f_rps f_p99 f_req f_non f_se <<<"$fields"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$1" "$2" "$3" "$f_rps" "$f_p99" "$f_req" "$f_non" "$f_se" \
      >>"$OUT/wrk.tsv"
    served=$((served + f_req)); non=$((non + f_non)); se=$((se + f_se))
  }

  if [ "$WARMUP" -gt 0 ] && [ "$name" = mock-submit ] && [ "$WARMUP" -ge 2 ]; then
    # Every measured mock-submit run starts with a reset (POST /__admin/reset), and the first reset after the JIT
    # has compiled the request path throws much of that code back to the interpreter (the admin request takes
    # branches the vendor requests never took). So the warm-up does it too: two halves, each after a reset.
    log "$name: warm-up ${WARMUP}s (-c32) in two halves, each after a reset as the measured runs are"
    run_wrk "$url" 32 $((WARMUP / 2)) "$dir/warmup.txt" "$name"
    record warmup 0 32 "$dir/warmup.txt"
    run_wrk "$url" 32 $((WARMUP - WARMUP / 2)) "$dir/warmup2.txt" "$name"
    record warmup 0 32 "$dir/warmup2.txt"
  elif [ "$WARMUP" -gt 0 ]; then
    log "$name: warm-up ${WARMUP}s (-c32)"
    run_wrk "$url" 32 "$WARMUP" "$dir/warmup.txt" "$name"
    record warmup 0 32 "$dir/warmup.txt"
  fi

  local -a r32=() p32=() r1=() p1=()
  for r in $(seq 1 "$ROUNDS"); do
    for c in 32 1; do
      f=$dir/round$r-c$c.txt
      run_wrk "$url" "$c" "$DURATION" "$f" "$name"
      record round "$r" "$c" "$f"
      log "$name round $r -c$c: $f_rps req/s, p99 $f_p99 ms, non-2xx $f_non, socket errors $f_se"
      if [ "$c" = 32 ]; then r32+=("$f_rps"); p32+=("$f_p99"); else r1+=("$f_rps"); p1+=("$f_p99"); fi
    done
  done
  RPS32[$name]=$(median "${r32[@]}"); P99_32[$name]=$(median "${p32[@]}")
  RPS1[$name]=$(median "${r1[@]}"); P99_1[$name]=$(median "${p1[@]}")
  RSS[$name]=$(rss_mb "$pid")
  printf '%s\tafter-rounds\t%s\t%s\n' "$name" "$served" "${RSS[$name]}" >>"$OUT/rss.tsv"

  SERVED[$name]=$served; NON2XX[$name]=$(( ${NON2XX[$name]:-0} + non )); SOCKERR[$name]=$(( ${SOCKERR[$name]:-0} + se ))

  if [ "$name" = mock-submit ] || [ "$name" = mock-cycle ]; then
    note "$name" "journal: $(not_1100_in_journal "$port") entries of the last run answered other than 1100."
  fi
  local last
  last=$(curl -s --max-time 5 -X POST -H 'Content-Type: application/json' --data "$BODY" "$url" || true)
  if [[ $last != *'"code":1100'* ]]; then
    note "$name" "last answer after load was not 1100: ${last:0:120}"
  fi
  if grep -q OutOfMemoryError "$dir"/server-start*.log 2>/dev/null; then
    note "$name" "OutOfMemoryError in the server log"
  fi
  STATUS[$name]=ok
  stop_pid "$pid"
  if [ "$name" = mock ] || [ "$name" = jetty ]; then rss_run "$name" "$port"; fi
}

# Memory after a fixed amount of work, comparable between the mock and raw Jetty: a fresh JVM (same flags) loaded
# with wrk -c32 until RSS_REQUESTS were served (the mock's journal is then full: it holds MOCK_JOURNAL_SIZE entries).
# Chunks of at most 10 s, sized from the latest chunk's rate.
rss_run() {
  local name=$1 port=$2 dir=$OUT/$1 url served=0 chunk=0 rate secs f fields pid entries
  url="http://127.0.0.1:$port$CLOSE_PATH"
  start_server "$name" "$port" "$dir/server-rss.log" || { note "$name" "RSS run: did not start"; return 0; }
  pid=$SERVER_PID
  rate=${RPS32[$name]%.*}
  while [ "$served" -lt "$RSS_REQUESTS" ]; do
    chunk=$((chunk + 1))
    [ "${rate:-0}" -gt 0 ] || rate=1000
    # Aim at 80% of the remainder (rates swing on this box): the last chunk, 1 s, overshoots by ~1 s of load.
    secs=$(( (RSS_REQUESTS - served) * 8 / 10 / rate ))
    if [ "$secs" -lt 1 ]; then secs=1; fi
    if [ "$secs" -gt 10 ]; then secs=10; fi
    if [ "$chunk" = 1 ] && [ "$secs" -gt 5 ]; then secs=5; fi
    f=$dir/rss-chunk$chunk.txt
    run_wrk "$url" 32 "$secs" "$f"
    fields=$(wrk_parse "$f")
    read -r f_rps f_p99 f_req f_non f_se <<<"$fields"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" rss-run "$chunk" 32 "$f_rps" "$f_p99" "$f_req" "$f_non" "$f_se" \
      >>"$OUT/wrk.tsv"
    NON2XX[$name]=$(( ${NON2XX[$name]:-0} + f_non )); SOCKERR[$name]=$(( ${SOCKERR[$name]:-0} + f_se ))
    if [ "$f_req" -le 0 ]; then log "$name served nothing in an RSS chunk; giving up"; break; fi
    served=$((served + f_req))
    rate=${f_rps%.*}   # the latest chunk's rate: the JVM warms up during this run
  done
  RSS1M[$name]=$(rss_mb "$pid")
  RSS1M_SERVED[$name]=$served
  printf '%s\tfresh-jvm-after-%s\t%s\t%s\n' "$name" "$RSS_REQUESTS" "$served" "${RSS1M[$name]}" >>"$OUT/rss.tsv"
  log "$name: RSS ${RSS1M[$name]} MB in a fresh JVM after $served requests"
  if [ "$name" = mock ]; then
    entries=$(curl -s --max-time 10 "http://127.0.0.1:$port/__admin/requests?limit=$MOCK_JOURNAL_SIZE" \
      | grep -o '"seq"' | wc -l || true)
    note "$name" "journal entries listed by /__admin/requests after the RSS run: $entries (size $MOCK_JOURNAL_SIZE)."
    log "mock: journal lists $entries entries"
  fi
  stop_pid "$pid"
}

limiter_check() {
  local port=$1 dir=$OUT/limiter expected rc=0
  mkdir -p "$dir"
  [ -f "$MOCK_JAR" ] || { LIMITER="skipped: $MOCK_JAR not found"; log "SKIP limiter check: no mock jar"; return 0; }
  expected=$((LIMITER_QPS * LIMITER_SECONDS + LIMITER_QPS))   # refill over the window + a full bucket (capacity = qps)
  start_server mock "$port" "$dir/server.log" "$LIMITER_QPS" || { LIMITER="FAILED: mock did not start"; return 0; }
  local pid=$SERVER_PID
  log "limiter: qps=$LIMITER_QPS, offering $LIMITER_RATE req/s for ${LIMITER_SECONDS}s (after ${LIMITER_WARMUP}s warm-up + 2 s refill), expecting $expected x 1100 +-1%"
  java $JVM_OPTS -cp "$BENCH_JAR" $PKG.load.PacedClosingClient --url "http://127.0.0.1:$port$CLOSE_PATH" \
    --body "$BODY" --rate "$LIMITER_RATE" --seconds "$LIMITER_SECONDS" --warmup-seconds "$LIMITER_WARMUP" \
    --pause-ms 2000 --expect-code 1100 --expect-count "$expected" --tolerance 0.01 >"$dir/client.txt" 2>&1 || rc=$?
  cat "$dir/client.txt" >>"$OUT/run.log"
  LIMITER=$(grep '^check:' "$dir/client.txt" || echo "FAILED: client exited $rc (see $dir/client.txt)")
  LIMITER_LAG=$(grep '^paced:' "$dir/client.txt" | tail -n 1 | grep -o 'lagP99Ms=[^ ]*' || true)
  log "limiter: $LIMITER $LIMITER_LAG"
  stop_pid "$pid"
}

# The cost of metrics: the same mock jar with --metrics and --no-metrics, both up at once on SERVER_CPU (the idle one
# waits on its selector), measured in alternating order round by round, so that drift on a shared machine (other
# processes, thermal state) falls on both sides alike. The figure is the median of the per-round ratios on/off.
METRICS="not run (metrics-cost not in SERVERS)"; METRICS_ON=""; METRICS_OFF=""; METRICS_RATIO=""
metrics_cost() {
  local port_on=$1 port_off=$2 dir=$OUT/metrics-cost r side port f rps pid_on pid_off
  mkdir -p "$dir"
  [ -f "$MOCK_JAR" ] || { METRICS="skipped: $MOCK_JAR not found"; return 0; }
  start_server mock "$port_on" "$dir/server-on.log" || { METRICS="FAILED: mock did not start"; return 0; }
  pid_on=$SERVER_PID
  start_server mock-no-metrics "$port_off" "$dir/server-off.log" \
    || { stop_pid "$pid_on"; METRICS="FAILED: mock --no-metrics did not start"; return 0; }
  pid_off=$SERVER_PID
  if [ "$WARMUP" -gt 0 ]; then
    log "metrics-cost: warm-up ${WARMUP}s each (-c32)"
    run_wrk "http://127.0.0.1:$port_on$CLOSE_PATH" 32 "$WARMUP" "$dir/warmup-on.txt"
    run_wrk "http://127.0.0.1:$port_off$CLOSE_PATH" 32 "$WARMUP" "$dir/warmup-off.txt"
  fi
  printf 'round\tmetrics\treq_per_s\tp99_ms\trequests\tnon2xx\tsocket_errors\n' >"$OUT/metrics-cost.tsv"
  local -a on=() off=() ratios=()
  for r in $(seq 1 "$METRICS_ROUNDS"); do
    local -A this=()
    if [ $((r % 2)) = 1 ]; then order="on off"; else order="off on"; fi
    for side in $order; do
      if [ "$side" = on ]; then port=$port_on; else port=$port_off; fi
      f=$dir/round$r-$side.txt
      run_wrk "http://127.0.0.1:$port$CLOSE_PATH" 32 "$DURATION" "$f"
      read -r rps f_p99 f_req f_non f_se <<<"$(wrk_parse "$f")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$side" "$rps" "$f_p99" "$f_req" "$f_non" "$f_se" >>"$OUT/metrics-cost.tsv"
      this[$side]=$rps
      if [ "$side" = on ]; then on+=("$rps"); else off+=("$rps"); fi
    done
    ratios+=("$(ratio "${this[on]}" "${this[off]}")")
    log "metrics-cost round $r ($order): on ${this[on]} req/s, off ${this[off]} req/s, ratio ${ratios[-1]}"
  done
  METRICS_ON=$(median "${on[@]}"); METRICS_OFF=$(median "${off[@]}"); METRICS_RATIO=$(median "${ratios[@]}")
  METRICS="on $(fmt_int "$METRICS_ON") req/s, off $(fmt_int "$METRICS_OFF") req/s (medians of $METRICS_ROUNDS)"
  # The scrape must show the traffic it was given (a counter that counts nothing would cost nothing).
  local counted
  counted=$(curl -s --max-time 5 "http://127.0.0.1:$port_on/__admin/metrics" \
    | awk '/^deepcleer_mock_requests_total\{code="1100"/ { print $2 }')
  log "metrics-cost: the metrics-on mock counted ${counted:-nothing} closes answered 1100"
  stop_pid "$pid_on"; stop_pid "$pid_off"
}

# The mock's p99 against the bare Javalin route's with no JVM flags at all, in interleaved fresh-JVM rounds.
default_flags_check() {
  local port=$1 dir=$OUT/default-flags r name f fields
  mkdir -p "$dir"
  printf 'round\tserver\treq_per_s\tp99_ms\trequests\tnon2xx\tsocket_errors\n' >"$dir/rounds.tsv"
  for r in $(seq 1 "$DEFAULT_ROUNDS"); do
    for name in mock javalin; do
      [ -f "$(server_jar "$name")" ] || { log "SKIP default flags: $(server_jar "$name") not found"; return 0; }
      CUR_OPTS="" start_server "$name" "$port" "$dir/$name-round$r.log" \
        || { DEFAULT_P99[$name,$r]="n/a"; continue; }
      run_wrk "http://127.0.0.1:$port$CLOSE_PATH" 32 "$DEFAULT_WARMUP" "$dir/$name-round$r-warmup.txt"
      f=$dir/$name-round$r.txt
      run_wrk "http://127.0.0.1:$port$CLOSE_PATH" 32 "$DEFAULT_DURATION" "$f"
      fields=$(wrk_parse "$f")
      read -r f_rps f_p99 f_req f_non f_se <<<"$fields"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$name" "$f_rps" "$f_p99" "$f_req" "$f_non" "$f_se" >>"$dir/rounds.tsv"
      DEFAULT_P99[$name,$r]=$f_p99; DEFAULT_RPS[$name,$r]=$f_rps
      log "default flags round $r $name: $f_rps req/s, p99 $f_p99 ms"
      stop_pid "$SERVER_PID"
    done
  done
}

# ---- run --------------------------------------------------------------------------------------------------------
val() { local v=${1:-}; [ -n "$v" ] && echo "$v" || echo "n/a"; }
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.3f", a / b }'; }
fmt_int() { awk -v v="${1:-}" 'BEGIN { if (v == "" || v == "n/a") print "n/a"; else printf "%.0f", v }'; }
idx=0
for s in $SERVERS; do
  [ "$s" = metrics-cost ] || server_cmd "$s" 0 >/dev/null   # rejects unknown names before anything starts
done
for s in $SERVERS; do
  [ "$s" = metrics-cost ] && continue
  log "=== $s ==="
  measure "$s" $((BASE_PORT + idx))
  idx=$((idx + 1))
done
if [[ " $SERVERS " == *" metrics-cost "* ]]; then
  log "=== metrics-cost ==="
  metrics_cost $((BASE_PORT + 20)) $((BASE_PORT + 21))
fi
LIMITER="not run (mock not in SERVERS)"; LIMITER_LAG=""
if [[ " $SERVERS " == *" mock "* ]]; then
  limiter_check $((BASE_PORT + idx))
fi
declare -A DEFAULT_P99 DEFAULT_RPS
if [ "$DEFAULT_ROUNDS" -gt 0 ]; then
  log "=== tail check with no JVM flags: $DEFAULT_ROUNDS interleaved round(s) of mock and bare Javalin ==="
  default_flags_check $((BASE_PORT + idx + 1))
fi

# ---- report -----------------------------------------------------------------------------------------------------
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
verdict() { # value op threshold
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v == "n/a" || v == "") { print "n/a"; exit }
    ok = (op == ">=") ? (v + 0 >= t + 0) : (v + 0 <= t + 0); print ok ? "yes" : "**NO**" }'
}

{
  echo "## Close endpoint load test, $(sed -n 's/^date_utc=//p' "$OUT/env.txt")"
  echo
  echo "Machine: $(sed -n 's/^cpu=//p' "$OUT/env.txt"); $(sed -n 's/^java=//p' "$OUT/env.txt"); $(sed -n 's/^wrk=//p' "$OUT/env.txt" | cut -d' ' -f1-2)."
  echo "Servers pinned to CPU $SERVER_CPU, wrk to CPU $LOAD_CPU; JVM flags \`$JVM_OPTS\`; warm-up ${WARMUP}s, $ROUNDS round(s) of"
  echo "\`wrk -t1 -c32|-c1 -d${DURATION}s --latency\` (POST, keep-alive), medians; start-up = median of $STARTS cold start(s) to the first 1100."
  echo "Command: \`SERVERS=\"$SERVERS\" WARMUP=$WARMUP DURATION=$DURATION ROUNDS=$ROUNDS STARTS=$STARTS METRICS_ROUNDS=$METRICS_ROUNDS bash benchmarks/load.sh\` (git $(sed -n 's/^git=//p' "$OUT/env.txt"))."
  echo
  echo "| server | req/s @32 | p99 ms @32 | req/s @1 | p99 ms @1 | start-up ms | RSS MB after load | RSS MB, fresh JVM after >= ${RSS_REQUESTS} req (served) | requests served (main JVM) | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for s in $SERVERS; do
    [ "$s" = metrics-cost ] && continue
    if [ "${STATUS[$s]:-}" != ok ]; then
      echo "| $s | ${STATUS[$s]:-not run} | | | | | | | | | |"
      continue
    fi
    echo "| $s | $(fmt_int "${RPS32[$s]}") | ${P99_32[$s]} | $(fmt_int "${RPS1[$s]}") | ${P99_1[$s]} | ${STARTUP[$s]} | ${RSS[$s]} | $(val "${RSS1M[$s]:-}")${RSS1M_SERVED[$s]:+ (${RSS1M_SERVED[$s]})} | ${SERVED[$s]} | ${NON2XX[$s]} | ${SOCKERR[$s]} |"
  done
  echo
  m_rps=${RPS32[mock]:-n/a}
  r_jav=$(ratio "${RPS32[mock]:-}" "${RPS32[javalin]:-}")
  r_jet=$(ratio "${RPS32[mock]:-}" "${RPS32[jetty]:-}")
  r_wmb=$(ratio "${RPS32[mock]:-}" "${RPS32[wiremock-best]:-}")
  r_wmd=$(ratio "${RPS32[mock]:-}" "${RPS32[wiremock-defaults]:-}")
  r_p99=$(ratio "${P99_32[mock]:-}" "${P99_32[javalin]:-}")
  r_p99_1=$(ratio "${P99_1[mock]:-}" "${P99_1[javalin]:-}")
  r_st_jav=$(ratio "${STARTUP[mock]:-}" "${STARTUP[javalin]:-}")
  r_st_wmd=$(ratio "${STARTUP[mock]:-}" "${STARTUP[wiremock-defaults]:-}")
  r_st_wmb=$(ratio "${STARTUP[mock]:-}" "${STARTUP[wiremock-best]:-}")
  r_rss=$(ratio "${RSS1M[mock]:-}" "${RSS1M[jetty]:-}")
  errs=n/a; [ "${STATUS[mock]:-}" = ok ] && errs=$(( ${NON2XX[mock]} + ${SOCKERR[mock]} ))
  echo "| measure (mock vs peer, same run) | value | target | met |"
  echo "|---|---:|---:|:---:|"
  echo "| mock req/s @32 | $(fmt_int "$m_rps") | >= 20000 | $(verdict "$m_rps" '>=' 20000) |"
  echo "| req/s @32: mock / bare Javalin | $r_jav | >= 0.75 | $(verdict "$r_jav" '>=' 0.75) |"
  echo "| req/s @32: mock / raw Jetty | $r_jet | >= 0.55 | $(verdict "$r_jet" '>=' 0.55) |"
  echo "| req/s @32: mock / WireMock best | $r_wmb | >= 1.3 | $(verdict "$r_wmb" '>=' 1.3) |"
  echo "| req/s @32: mock / WireMock defaults | $r_wmd | >= 3 | $(verdict "$r_wmd" '>=' 3) |"
  echo "| p99 @32: mock / bare Javalin | $r_p99 | <= 1.3 | $(verdict "$r_p99" '<=' 1.3) |"
  echo "| p99 @1: mock / bare Javalin (info) | $r_p99_1 | | |"
  echo "| non-2xx + socket errors, mock (all runs) | $errs | 0 | $(verdict "$errs" '<=' 0) |"
  echo "| start-up: mock / bare Javalin | $r_st_jav | <= 1.2 | $(verdict "$r_st_jav" '<=' 1.2) |"
  echo "| start-up: mock / WireMock defaults | $r_st_wmd | <= 0.5 | $(verdict "$r_st_wmd" '<=' 0.5) |"
  echo "| start-up: mock / WireMock best | $r_st_wmb | <= 0.5 | $(verdict "$r_st_wmb" '<=' 0.5) |"
  echo "| RSS after ${RSS_REQUESTS} req: mock / raw Jetty | $r_rss | <= 1.3 | $(verdict "$r_rss" '<=' 1.3) |"
  r_sub=$(ratio "${RPS32[mock-submit]:-}" "${RPS32[mock]:-}")
  cyc=n/a; [ -n "${RPS32[mock-cycle]:-}" ] && cyc=$(awk -v r="${RPS32[mock-cycle]}" 'BEGIN { printf "%.0f", r / 2 }')
  errs_sub=n/a; [ "${STATUS[mock-submit]:-}" = ok ] && errs_sub=$(( ${NON2XX[mock-submit]} + ${SOCKERR[mock-submit]} ))
  echo "| req/s @32: mock submit (each opens a stream) / mock close | $r_sub | >= 0.6 | $(verdict "$r_sub" '>=' 0.6) |"
  echo "| submit -> close cycles/s @32 (2 requests each) | $cyc | | |"
  echo "| non-2xx + socket errors, mock submit (all runs) | $errs_sub | 0 | $(verdict "$errs_sub" '<=' 0) |"
  echo "| limiter: qps $LIMITER_QPS, $LIMITER_RATE req/s offered for ${LIMITER_SECONDS}s | ${LIMITER#check: } ${LIMITER_LAG:+(pacing $LIMITER_LAG)} | $((LIMITER_QPS * LIMITER_SECONDS + LIMITER_QPS)) +-1% | $([[ $LIMITER == *PASS ]] && echo yes || { [[ $LIMITER == *FAIL* ]] && echo '**NO**' || echo n/a; }) |"
  echo "| metrics cost: req/s @32 with / without \`--metrics\` (median of $METRICS_ROUNDS interleaved pairs; $METRICS) | $(val "$METRICS_RATIO") | >= 0.97 | $(verdict "$METRICS_RATIO" '>=' 0.97) |"
  for s in $SERVERS; do
    if [ -n "${NOTE[$s]:-}" ]; then echo; echo "Note ($s): ${NOTE[$s]}"; fi
  done
  if [ "$DEFAULT_ROUNDS" -gt 0 ]; then
    echo
    echo "Tail with no JVM flags (\`java -jar\`, the JVM's own collector choice), fresh JVMs, interleaved rounds:"
    echo "warm-up ${DEFAULT_WARMUP}s then \`wrk -t1 -c32 -d${DEFAULT_DURATION}s\`, each server pinned to CPU $SERVER_CPU."
    echo
    echo "| round | mock req/s | mock p99 ms | bare Javalin req/s | bare Javalin p99 ms | p99 mock / Javalin | <= 1.3 |"
    echo "|---:|---:|---:|---:|---:|---:|:---:|"
    for r in $(seq 1 "$DEFAULT_ROUNDS"); do
      rr=$(ratio "${DEFAULT_P99[mock,$r]:-}" "${DEFAULT_P99[javalin,$r]:-}")
      echo "| $r | $(fmt_int "${DEFAULT_RPS[mock,$r]:-n/a}") | ${DEFAULT_P99[mock,$r]:-n/a} | $(fmt_int "${DEFAULT_RPS[javalin,$r]:-n/a}") | ${DEFAULT_P99[javalin,$r]:-n/a} | $rr | $(verdict "$rr" '<=' 1.3) |"
    done
  fi
  echo
  echo "Raw results: benchmarks/results/$STAMP/ (wrk.tsv, startup.tsv, rss.tsv, per-server wrk outputs and logs)."
} >"$OUT/summary.md"

echo
cat "$OUT/summary.md"

# The simulation under load: CALLBACK_STREAMS running streams sending callbacks (0 skips it).
CALLBACK_STREAMS=${CALLBACK_STREAMS:-10000}
if [ "$CALLBACK_STREAMS" -gt 0 ]; then
  STREAMS=$CALLBACK_STREAMS OUT="$OUT/callbacks" SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU JVM_OPTS="$JVM_OPTS" \
    MOCK_JAR=$MOCK_JAR bash "$REPO/benchmarks/load-callbacks.sh" || log "callback run failed (see $OUT/callbacks)"
fi

# The shared store: memory vs Redis store, one and two instances on one Redis, against redis-benchmark (STORE_RUN=0
# skips it).
STORE_RUN=${STORE_RUN:-1}
if [ "$STORE_RUN" = 1 ]; then
  WARMUP=$WARMUP DURATION=$DURATION OUT="$OUT/redis" SERVER_CPU=$SERVER_CPU LOAD_CPU=$LOAD_CPU JVM_OPTS="$JVM_OPTS" \
    MOCK_JAR=$MOCK_JAR bash "$REPO/benchmarks/load-redis.sh" || log "store run failed (see $OUT/redis)"
fi

for s in $SERVERS; do
  if [[ ${STATUS[$s]:-} == FAILED* ]]; then exit 1; fi
done
exit 0
