#!/usr/bin/env bash
# Cold start of two or more builds side by side: for each folder (holding run.sh and
# target/alb-qps-autoscaler.jar with its trained archive, as `./deploy.sh --archive-only` leaves
# them), the launch of run.sh → first answered timer invocation, and the CPU time (user + system)
# the JVM used up to that answer. Runs are interleaved round-robin, so background load hits every
# build alike; CPU time is the steadier figure when the machine is busy.
#   bench/cold-start-ab.sh [RUNS] DIR...       e.g. a build before and after one change
# Make a folder per build:  mkdir -p /tmp/a/target && cp target/alb-qps-autoscaler.jar /tmp/a/target/ \
#                           && cp run.sh deploy.sh /tmp/a/ && (cd /tmp/a && ./deploy.sh --archive-only)
# (add `--runtime JDK` to that last command for a package with a bundled runtime)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=15
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  runs="$1"
  shift
fi
require_packages "[RUNS] DIR..." "$@"
require_jar
start_emulator
load_before="$(loadavg)"
ticks="$(getconf CLK_TCK)"

# Prints "wall_ms cpu_ms" for one cold start of the run.sh in folder $1.
cold_once() {
  local port pid t0 t1 cpu
  port="$(free_port)"
  t0="$(now_ns)"
  (cd "$1" && _FAAS_RUNTIME_PORT="$port" exec ./run.sh) >"$bench_tmp/serve.log" 2>&1 &
  pid=$!
  await_first_answer "$port" "$pid" "$1" || return 1
  t1="$(now_ns)"
  # utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (after the command
  # name, which may hold spaces, so count from its closing parenthesis).
  cpu="$(sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$ticks" '{ printf "%d", ($12 + $13) * 1000 / hz }')"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$(((t1 - t0) / 1000000)) $cpu"
}

for dir in "$@"; do
  cold_once "$dir" >/dev/null # one unmeasured start each (page cache)
done
for ((i = 1; i <= runs; i++)); do
  n=0
  for dir in "$@"; do
    cold_once "$dir" >>"$bench_tmp/ab-$n"
    n=$((n + 1))
  done
  echo "round $i/$runs" >&2
done

echo "Cold start of run.sh to the first answered invocation ($runs interleaved runs each;"
echo "load average before: $load_before, after: $(loadavg); $(nproc) cores)"
echo
echo "| build | wall median ms | wall p10–p90 ms | CPU median ms | CPU p10–p90 ms |"
echo "|---|---:|---:|---:|---:|"
# "median | p10–p90" of column $2 of file $1.
median_and_spread() {
  cut -d' ' -f"$2" "$1" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d | %d–%d", v[int((NR + 1) / 2)], v[int(NR * 0.1 + 0.999)], v[int(NR * 0.9 + 0.999)] }'
}

n=0
for dir in "$@"; do
  echo "| $dir | $(median_and_spread "$bench_tmp/ab-$n" 1) | $(median_and_spread "$bench_tmp/ab-$n" 2) |"
  n=$((n + 1))
done
