#!/usr/bin/env bash
# Warm invocations of two or more builds side by side: for each folder (holding run.sh and
# target/alb-qps-autoscaler.jar), a running serve's median over CALLS timer invocations on one
# kept-alive connection, on a long-running deployment's state file (bench/MatureState.java), and the
# CPU time per invocation of serve and of the emulator. Rounds are interleaved, in alternating order
# (A B, B A, ...), so drifts in this machine's speed hit every build alike: on the 2-core machine the
# same build's median moves by a third between runs minutes apart, so a single run compares nothing.
# CPU per invocation is the steadier figure. Each round warms its serve (and the emulator) with 1000
# calls before it times any.
#   bench/warm-ab.sh [ROUNDS] [CALLS] DIR...     default 6 rounds of 1000 calls
# Every build talks to the same emulator (this checkout's jar), so only the function differs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds=6
calls=1000
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  rounds="$1"
  shift
fi
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  calls="$1"
  shift
fi
require_packages "[ROUNDS] [CALLS] DIR..." "$@"
require_jar
start_emulator
emulator_pid="${bench_pids[0]}"
load_before="$(loadavg)"
ticks="$(getconf CLK_TCK)"

# Prints "median_ms serve_cpu_ms_per_call emulator_cpu_ms_per_call" for the build in folder $1.
warm_once() {
  local port pid i serve0 emu0 serve1 emu1 url
  port="$(free_port)"
  (cd "$1" && _FAAS_RUNTIME_PORT="$port" exec ./run.sh) >"$bench_tmp/serve.log" 2>&1 &
  pid=$!
  await_first_answer "$port" "$pid" "$1" || return 1
  for ((i = 0; i < 20; i++)); do
    timer_invoke "$port"
  done
  java -XX:TieredStopAtLevel=1 -cp "$jar" "$bench_dir/MatureState.java" "$TOS_MOUNT_PATH/scaling_state.json" >/dev/null
  url="http://127.0.0.1:$port/"
  kept_alive_config "$url" 1000 >"$bench_tmp/warmup.cfg"
  kept_alive_config "$url" "$calls" >"$bench_tmp/timed.cfg"
  kept_alive_times "$bench_tmp/warmup.cfg" >/dev/null
  serve0="$(cpu_ticks "$pid")"
  emu0="$(cpu_ticks "$emulator_pid")"
  kept_alive_times "$bench_tmp/timed.cfg" >"$bench_tmp/times.ms"
  serve1="$(cpu_ticks "$pid")"
  emu1="$(cpu_ticks "$emulator_pid")"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v s="$((serve1 - serve0))" -v e="$((emu1 - emu0))" -v hz="$ticks" -v n="$calls" -v m="$(median <"$bench_tmp/times.ms")" \
    'BEGIN { printf "%s %.2f %.2f\n", m, s * 1000 / hz / n, e * 1000 / hz / n }'
}

# A curl config of $2 transfers to $1, each to /dev/null.
kept_alive_config() {
  local i
  for ((i = 0; i < $2; i++)); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$1"
  done
}

# The ms of each timer invocation in curl config $1, all over one connection.
kept_alive_times() {
  curl -s -f -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' -w '%{time_total}\n' -K "$1" |
    awk '{ printf "%.3f\n", $1 * 1000 }'
}

builds=("$@")
for ((round = 1; round <= rounds; round++)); do
  order=("${!builds[@]}")
  if ((round % 2 == 0)); then
    order=($(printf '%s\n' "${order[@]}" | sort -rn))
  fi
  for n in "${order[@]}"; do
    warm_once "${builds[$n]}" >>"$bench_tmp/ab-$n"
  done
  echo "round $round/$rounds" >&2
done

echo "Warm invocations, kept-alive, on a long-running deployment's state ($rounds interleaved rounds of"
echo "$calls calls each; load average before: $load_before, after: $(loadavg); $(nproc) cores)"
echo
echo "| build | median of the rounds' medians, ms | rounds' medians, min–max | serve CPU per call, ms | emulator CPU per call, ms |"
echo "|---|---:|---:|---:|---:|"
# The median of column $2 of file $1.
column_median() {
  cut -d' ' -f"$2" "$1" | median
}
for n in "${!builds[@]}"; do
  range="$(cut -d' ' -f1 "$bench_tmp/ab-$n" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')"
  echo "| ${builds[$n]} | $(column_median "$bench_tmp/ab-$n" 1) | $range | $(column_median "$bench_tmp/ab-$n" 2) | $(column_median "$bench_tmp/ab-$n" 3) |"
done
