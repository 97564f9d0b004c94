#!/usr/bin/env bash
# Warm invocations of a running `serve` (started by run.sh, so with its flags and archive) against
# the emulator on loopback, on a long-running deployment's state file (bench/MatureState.java):
# median and p99 over N timer invocations after a warm-up, measured two ways (one kept-alive
# connection, and a new curl connection per call); the process's peak RSS over them (VmHWM), the
# jar and archive sizes, and the classes the JVM loads up to the first answered invocation.
# Prints a markdown table.
#   bench/warm-serve.sh [N] [WARMUP] [DIR]   default 1000, 1000 and this checkout
# DIR is a package folder with its own run.sh, or `bundled` for the package ./deploy.sh --runtime
# makes with RUNTIME_JDK or the first JDK 25+ under /usr/lib/jvm.
# Needs: target/alb-qps-autoscaler.jar (mvn -B -q package -DskipTests).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_jar
runs="${1:-1000}"
# The warm-up is long enough for the emulator (a second JVM on the same two cores) to finish its
# JIT compilation: after 200 calls it still used ~3x the CPU per call it settles at, and that
# compiling competed with the timed calls.
warmup="${2:-1000}"
serve_dir="${3:-$repo}"
kv="warm"
if [[ "$serve_dir" == bundled ]]; then
  jdk="$(runtime_jdk)"
  [[ -n "$jdk" ]] || { echo "no JDK 25+ to bundle: set RUNTIME_JDK" >&2; exit 2; }
  serve_dir="$(bundled_package "$jdk")"
  kv="warm.bundled"
fi
serve_jar="$serve_dir/target/alb-qps-autoscaler.jar"
archive=""
for candidate in "${serve_jar%.jar}.aot" "${serve_jar%.jar}.jsa"; do
  [[ -f "$candidate" && "${ALBQPS_CDS:-on}" != "off" ]] && archive="$candidate" && break
done
java_used="java on PATH"
[[ -x "$serve_dir/target/jre/bin/java" ]] && java_used="bundled $(java_version_of "$serve_dir/target/jre")"

start_emulator
load_before="$(loadavg)"

# Starts run.sh on a free port with extra JVM options ($1); waits for the first timer answer.
start_serve() {
  serve_port="$(free_port)"
  JAVA_TOOL_OPTIONS="$1" _FAAS_RUNTIME_PORT="$serve_port" "$serve_dir/run.sh" >"$bench_tmp/serve.log" 2>&1 &
  serve_pid=$!
  await_first_answer "$serve_port" "$serve_pid" "warm serve" || exit 1
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
# 1. As a platform's invoker sends them: one kept-alive connection (one curl process, one transfer
#    per call, curl's own time per transfer), on the state file of a long-running deployment (as
#    it stood after 21 evaluations, with the scaling history at its cap of 100 past actions, made by
#    bench/MatureState.java).
for ((i = 0; i < 20; i++)); do
  timer_invoke "$serve_port"
done
steady_bytes="$(java -XX:TieredStopAtLevel=1 -cp "$jar" "$bench_dir/MatureState.java" "$TOS_MOUNT_PATH/scaling_state.json")"
url="http://127.0.0.1:$serve_port/"
# Times N timer invocations over one connection; prints one ms figure per invocation.
kept_alive() {
  local i
  for ((i = 0; i < $1; i++)); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url"
  done >"$bench_tmp/urls.cfg"
  curl -s -f -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' -w '%{time_total} %{num_connects}\n' \
    -K "$bench_tmp/urls.cfg" | awk '{ printf "%.3f\n", $1 * 1000; connects += $2 } END { if (connects > 1) print "kept-alive run opened " connects " connections" > "/dev/stderr" }'
}
kept_alive "$warmup" >/dev/null
serve_ticks_before="$(cpu_ticks "$serve_pid")"
kept_alive "$runs" >"$bench_tmp/warm.ms"
serve_cpu_ms="$(awk -v t="$(($(cpu_ticks "$serve_pid") - serve_ticks_before))" -v hz="$(getconf CLK_TCK)" -v n="$runs" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
# 2. The same process with a new connection per call (curl), and the state file left as the calls
#    leave it.
for ((i = 0; i < runs; i++)); do
  curl -s -f -o /dev/null -w '%{time_total}\n' -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' "$url"
done | awk '{ printf "%.3f\n", $1 * 1000 }' >"$bench_tmp/fresh.ms"
state_bytes="$(stat -c %s "$TOS_MOUNT_PATH/scaling_state.json")"
hwm_kb="$(awk '/^VmHWM/ { print $2 }' "/proc/$serve_pid/status")"
rss_kb="$(awk '/^VmRSS/ { print $2 }' "/proc/$serve_pid/status")"
stop_serve
errors=$((2 * runs - $(cat "$bench_tmp/warm.ms" "$bench_tmp/fresh.ms" | wc -l)))

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "Warm invocations of run.sh's serve ($java_used, archive: ${archive##*/}), timer events against the loopback emulator"
echo "($runs timed each way after $warmup warm-up calls, $errors failed; load average before: $load_before, after: $(loadavg); $(nproc) cores)"
echo
echo "| figure | value |"
echo "|---|---:|"
# Table rows "median", "p10–p90" and "p99 / max" of the ms in file $1, labelled $2.
spread_rows() {
  sort -g "$1" | awk -v label="$2" '
    { v[NR] = $1 }
    function q(p,  r) { r = int(p * NR + 0.999999); if (r < 1) r = 1; return v[r] }
    END {
      printf "| %s: median (%d calls) | %.2f ms |\n", label, NR, q(0.5)
      printf "| %s: p10–p90 | %.2f–%.2f ms |\n", label, q(0.1), q(0.9)
      printf "| %s: p99 / max | %.2f / %.2f ms |\n", label, q(0.99), v[NR]
    }'
}
spread_rows "$bench_tmp/warm.ms" "kept-alive connection, state file of a long-running deployment ($steady_bytes bytes)"
spread_rows "$bench_tmp/fresh.ms" "new connection per call, state file $state_bytes bytes at the end"
echo "| serve's CPU time (user + system) per kept-alive invocation | $serve_cpu_ms ms |"
echo "| peak RSS over the warm-up and the $((2 * runs)) calls (VmHWM) | $((hwm_kb / 1024)) MB |"
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
    echo "$kv.fresh_median=$(median <"$bench_tmp/fresh.ms")"
    echo "$kv.cpu_ms=$serve_cpu_ms"
    echo "$kv.hwm_mb=$((hwm_kb / 1024))"
    echo "$kv.classes=$classes_total"
    echo "$kv.jar_mb=$(mb "$(stat -c %s "$jar")")"
    echo "$kv.load=$load_before"
  } >>"$BENCH_KV"
fi
