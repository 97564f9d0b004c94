#!/usr/bin/env bash
# Warm invocations of a running `serve` (started by run.sh, so with its flags and the AppCDS archive
# when present) against the emulator on loopback: median and p99 over N timer invocations after a
# warm-up, the process's peak RSS over them (VmHWM), the jar and archive sizes, and the classes the
# JVM loads up to the first answered invocation. Prints a markdown table.
#   bench/warm-serve.sh [N] [WARMUP]     default 1000 and 200
# Needs: target/alb-qps-autoscaler.jar (mvn -B -q package -DskipTests).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_jar
runs="${1:-1000}"
warmup="${2:-200}"
archive="${jar%.jar}.jsa"
cds="off"
[[ -f "$archive" && "${ALBQPS_CDS:-on}" != "off" ]] && cds="on"

start_emulator
load_before="$(loadavg)"

# Starts run.sh on a free port with extra JVM options ($1); waits for the first timer answer.
start_serve() {
  serve_port="$(free_port)"
  JAVA_TOOL_OPTIONS="$1" _FAAS_RUNTIME_PORT="$serve_port" "$repo/run.sh" >"$bench_tmp/serve.log" 2>&1 &
  serve_pid=$!
  local i
  for ((i = 0; i < 3000; i++)); do
    timer_invoke "$serve_port" && return 0
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.01
  done
  echo "serve did not answer:" >&2
  tail -5 "$bench_tmp/serve.log" >&2
  exit 1
}

stop_serve() {
  kill -TERM "$serve_pid"
  wait "$serve_pid" 2>/dev/null || true
}

# Classes loaded up to (and including) the first answered invocation, and how many came from CDS.
start_serve "-Xlog:class+load:file=$bench_tmp/classes.log"
stop_serve
classes_total="$(grep -c ' source: ' "$bench_tmp/classes.log" || true)"
classes_shared="$(grep -c 'source: shared objects file' "$bench_tmp/classes.log" || true)"

start_serve ""
for ((i = 0; i < warmup; i++)); do
  timer_invoke "$serve_port"
done
url="http://127.0.0.1:$serve_port/"
for ((i = 0; i < runs; i++)); do
  curl -s -f -o /dev/null -w '%{time_total}\n' -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' "$url"
done | awk '{ printf "%.3f\n", $1 * 1000 }' >"$bench_tmp/warm.ms"
hwm_kb="$(awk '/^VmHWM/ { print $2 }' "/proc/$serve_pid/status")"
rss_kb="$(awk '/^VmRSS/ { print $2 }' "/proc/$serve_pid/status")"
stop_serve
errors=$((runs - $(wc -l <"$bench_tmp/warm.ms")))

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "Warm invocations of run.sh's serve (AppCDS $cds), timer events against the loopback emulator"
echo "($runs timed after $warmup warm-up, $errors failed; load average before: $load_before, after: $(loadavg); $(nproc) cores)"
echo
echo "| figure | value |"
echo "|---|---:|"
sort -g "$bench_tmp/warm.ms" | awk -v n="$runs" '
  { v[NR] = $1 }
  function q(p,  r) { r = int(p * NR + 0.999999); if (r < 1) r = 1; return v[r] }
  END {
    printf "| warm invocation median (%d calls) | %.2f ms |\n", NR, q(0.5)
    printf "| warm invocation p10–p90 | %.2f–%.2f ms |\n", q(0.1), q(0.9)
    printf "| warm invocation p99 / max | %.2f / %.2f ms |\n", q(0.99), v[NR]
  }'
echo "| peak RSS over the warm-up and the $runs calls (VmHWM) | $((hwm_kb / 1024)) MB |"
echo "| RSS after them (VmRSS) | $((rss_kb / 1024)) MB |"
echo "| classes loaded to the first answered invocation | $classes_total ($classes_shared from CDS archives) |"
echo "| jar size | $(mb "$(stat -c %s "$jar")") MB |"
if [[ -f "$archive" ]]; then
  echo "| AppCDS archive size | $(mb "$(stat -c %s "$archive")") MB |"
fi
if [[ -n "${BENCH_KV:-}" ]]; then
  {
    echo "warm.median=$(median <"$bench_tmp/warm.ms")"
    echo "warm.p99=$(sort -g "$bench_tmp/warm.ms" | awk '{ v[NR] = $1 } END { r = int(0.99 * NR + 0.999999); print v[r] }')"
    echo "warm.hwm_mb=$((hwm_kb / 1024))"
    echo "warm.classes=$classes_total"
    echo "warm.jar_mb=$(mb "$(stat -c %s "$jar")")"
    echo "warm.load=$load_before"
  } >>"$BENCH_KV"
fi
