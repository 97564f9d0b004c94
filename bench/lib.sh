#!/usr/bin/env bash
# Shared helpers of the whole-process benchmarks (sourced, not run): the jar, a free loopback port,
# the emulator in the background, percentiles, and the load average that goes with each figure.
# Needs bash, curl, awk and a JDK 17; hyperfine is not needed.

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_dir/.." && pwd)"
jar="${JAR:-$repo/target/alb-qps-autoscaler.jar}"
bench_pids=()
bench_tmp="$(mktemp -d)"

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${bench_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$bench_tmp"
}
trap bench_cleanup EXIT

require_jar() {
  if [[ ! -f "$jar" ]]; then
    echo "no $jar: build it first with  mvn -B -q package -DskipTests" >&2
    exit 2
  fi
  for tool in curl awk java; do
    command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 2; }
  done
}

# Fails, printing the usage $1, unless there is at least one more argument and each is a package
# folder: run.sh and target/alb-qps-autoscaler.jar.
require_packages() {
  local usage="$1" dir
  shift
  (($# >= 1)) || { echo "usage: $0 $usage" >&2; exit 2; }
  for dir in "$@"; do
    [[ -x "$dir/run.sh" && -f "$dir/target/alb-qps-autoscaler.jar" ]] ||
      { echo "$dir: needs run.sh and target/alb-qps-autoscaler.jar" >&2; exit 2; }
  done
}

# A loopback port nothing listens on (random probe; the kernel's ephemeral range is avoided).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Starts the emulator on loopback and exports the settings that point the function at it, plus a
# fresh state folder; constant traffic keeps every invocation's work alike.
start_emulator() {
  local out="$bench_tmp/emulator.env"
  printf 't,qps\n0,100\n864000,100\n' >"$bench_tmp/constant.csv"
  java -XX:+UseSerialGC -Xmx256m -Dsun.net.httpserver.nodelay=true -jar "$jar" emulator --port 0 --trace "$bench_tmp/constant.csv" \
    --initial 2 --ingestion-lag-seconds 0 >"$out" 2>"$bench_tmp/emulator.err" &
  bench_pids+=($!)
  local i
  for ((i = 0; i < 600; i++)); do
    grep -q '^export CLOUDMONITOR_ENDPOINT' "$out" 2>/dev/null && break
    sleep 0.05
  done
  grep -q '^export CLOUDMONITOR_ENDPOINT' "$out" || { echo "emulator did not start:" >&2; cat "$bench_tmp/emulator.err" >&2; exit 1; }
  # shellcheck disable=SC1090
  source <(grep '^export ' "$out")
  mkdir -p "$bench_tmp/tos"
  export TOS_MOUNT_PATH="$bench_tmp/tos" LOG_FORMAT=json LOG_LEVEL=WARN _FAAS_FUNC_TIMEOUT=30
}

# CPU time (user + system) of process $1 so far, in clock ticks: fields 14 and 15 of its stat,
# counted after the command name's closing parenthesis, since the name may hold spaces.
cpu_ticks() {
  sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# One timer invocation (binary CloudEvent, as the veFaaS timer sends it); fails unless HTTP 200.
timer_invoke() {
  curl -s -f -o /dev/null -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' "http://127.0.0.1:$1/" 2>/dev/null
}

# Reads numbers (one a line) and prints "median M (p10 A, p90 B, p99 C, min D, max E, n N)".
summarize() {
  sort -g | awk -v unit="${1:-}" '
    { v[NR] = $1 }
    function q(p,  r) { r = int(p * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; return v[r] }
    END {
      if (NR == 0) { print "no samples"; exit 1 }
      printf "median %s%s (p10 %s, p90 %s, p99 %s, min %s, max %s; n %d)\n", q(0.5), unit, q(0.1), q(0.9), q(0.99), v[1], v[NR], NR
    }'
}

# The median alone, from the numbers on stdin.
median() {
  sort -g | awk '{ v[NR] = $1 } END { r = int(0.5 * NR + 0.999999); if (r < 1) r = 1; print v[r] }'
}

# Polls the serve on port $1 (process $2, logging to $bench_tmp/serve.log) until its first timer
# invocation answers 200; gives up after 60 s or when the process dies, saying why ($3 names it).
# The poll forks nothing: bash's own /dev/tcp connects, sends the timer event and reads the status
# line, and `read -t` on an idle pipe sleeps. A curl and a sleep process every 5 ms (what this
# loop did before) cost the 2-core machine ~200 ms of CPU that the starting JVM then lacked; the
# platform's prober runs elsewhere and takes nothing from the function.
await_first_answer() {
  local port="$1" pid="$2" label="$3" status nap sock
  local event=$'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nce-type: bytefaas.timer.event\r\n'
  event+=$'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'
  local deadline=$((${EPOCHREALTIME/./} + 60000000))
  exec {nap}<> <(:)
  while :; do
    if { exec {sock}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf '%s' "$event" >&"$sock"
      status=""
      IFS= read -r -t 30 status <&"$sock" || true
      exec {sock}>&-
      if [[ "$status" == "HTTP/1.1 200 "* ]]; then
        exec {nap}>&-
        return 0
      fi
    fi
    if ! kill -0 "$pid" 2>/dev/null || ((${EPOCHREALTIME/./} > deadline)); then
      exec {nap}>&-
      echo "serve failed to answer ($label):" >&2
      tail -5 "$bench_tmp/serve.log" >&2
      kill -9 "$pid" 2>/dev/null || true
      return 1
    fi
    read -r -t 0.002 -u "$nap" || true
  done
}

# "Java 25.0.3" from the release file of the Java folder $1.
java_version_of() {
  sed -n 's/^JAVA_VERSION="\(.*\)"/Java \1/p' "$1/release"
}

# The JDK deploy.sh --runtime bundles for the benchmarks: $RUNTIME_JDK, else the first JDK 25+ with
# jlink under /usr/lib/jvm; nothing when there is none (or RUNTIME_JDK=none).
runtime_jdk() {
  local jdk feature
  if [[ -n "${RUNTIME_JDK:-}" ]]; then
    [[ "$RUNTIME_JDK" == none ]] || echo "$RUNTIME_JDK"
    return 0
  fi
  for jdk in /usr/lib/jvm/*; do
    [[ -x "$jdk/bin/jlink" && -f "$jdk/release" ]] || continue
    feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")"
    if [[ -n "$feature" ]] && ((feature >= 25)); then
      echo "$jdk"
      return 0
    fi
  done
}

# Makes, once per benchmark, a package folder of this build with a runtime bundled from JDK $1 and
# its trained archive (deploy.sh --archive-only --runtime), and prints the folder.
bundled_package() {
  local dir="$bench_tmp/bundled"
  if [[ ! -x "$dir/run.sh" ]]; then
    mkdir -p "$dir/target"
    cp "$jar" "$dir/target/"
    cp "$repo/run.sh" "$repo/deploy.sh" "$dir/"
    (cd "$dir" && ./deploy.sh --archive-only --runtime "$1") >&2
  fi
  echo "$dir"
}

loadavg() {
  cut -d' ' -f1-3 /proc/loadavg
}

# Nanoseconds since the epoch, without forking `date` (bash 5's EPOCHREALTIME has microseconds).
now_ns() {
  echo "${EPOCHREALTIME/./}000"
}
