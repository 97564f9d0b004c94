#!/usr/bin/env bash
# Warm invocations of a running `serve` (started by run.sh, so with its flags and the AppCDS archive
# when present) against the emulator on loopback: median and p99 over N timer invocations after a
# warm-up, the process's peak RSS over them (VmHWM), the jar and archive sizes, and the classes the
# JVM loads up to the first answered invocation. Prints a markdown table.
#   bench/warm-serve.sh [N] [WARMUP] [DIR]   default 1000, 200 and this checkout
# DIR is a package folder with its own run.sh, or `bundled` for the package ./deploy.sh --runtime
# makes with RUNTIME_JDK or the first JDK 25+ under /usr/lib/jvm.
# Needs: target/alb-qps-autoscaler.jar (mvn -B -q package -DskipTests).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_jar
runs="${1:-1000}"
warmup="${2:-200}"
serve_dir="${3:-$repo}"
if [[ "$serve_dir" == bundled ]]; then
  runtime="$(runtime_jdk)"
  [[ -n "$runtime" ]] || { echo "no JDK 25+ to bundle: set RUNTIME_JDK" >&2; exit 2; }
  serve_dir="$(bundled_package "$runtime")"
fi
serve_jar="$serve_dir/target/alb-qps-autoscaler.jar"
archive=""
for candidate in "${serve_jar%.jar}.aot" "${serve_jar%.jar}.jsa"; do
  [[ -f "$candidate" && "${ALBQPS_CDS:-on}" != "off" ]] && archive="$candidate" && break
done
runtime="java on PATH"
[[ -x "$serve_dir/target/jre/bin/java" ]] && runtime="bundled $(java_version_of "$serve_dir/target/jre")"
kv="warm"
[[ "$serve_dir" == "$repo" ]] || kv="warm.bundled"

start_emulator
load_before="$(loadavg)"

# Starts run.sh on a free port with extra JVM options ($1); waits for the first timer answer.
start_serve() {
  serve_port="$(free_port)"
  JAVA_TOOL_OPTIONS="$1" _FAAS_RUNTIME_PORT="$serve_port" "$serve_dir/run.sh" >"$bench_tmp/serve.log" 2>&1 &
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
echo "Warm invocations of run.sh's serve ($runtime, archive: ${archive##*/}), timer events against the loopback emulator"
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
if [[ -n "$archive" ]]; then
  echo "| archive size (${archive##*.}) | $(mb "$(stat -c %s "$archive")") MB |"
fi
if [[ -n "${BENCH_KV:-}" ]]; then
  {
    echo "$kv.median=$(median <"$bench_tmp/warm.ms")"
    echo "$kv.p99=$(sort -g "$bench_tmp/warm.ms" | awk '{ v[NR] = $1 } END { r = int(0.99 * NR + 0.999999); print v[r] }')"
    echo "$kv.hwm_mb=$((hwm_kb / 1024))"
    echo "$kv.classes=$classes_total"
    echo "$kv.jar_mb=$(mb "$(stat -c %s "$jar")")"
    echo "$kv.load=$load_before"
  } >>"$BENCH_KV"
fi
