#!/usr/bin/env bash
# Cold start: from the launch of `serve` to the answer of its first timer invocation (a real
# evaluation against the emulator on loopback: signer, three reads, engine, state write), for
# several JVM flag sets, with and without the AppCDS archive. Runs are interleaved round-robin so
# the machine's load hits every configuration alike. Prints a markdown table with median and spread.
#   bench/cold-start.sh [RUNS]          default 15 runs per configuration
#   CONFIGS="run.sh+appcds jdk-defaults" bench/cold-start.sh 5     a subset
# run.sh+bundled-runtime is the package ./deploy.sh --runtime makes, with the JDK in RUNTIME_JDK or
# the first JDK 25+ under /usr/lib/jvm (RUNTIME_JDK=none leaves it out).
# Needs: target/alb-qps-autoscaler.jar (mvn -B -q package -DskipTests); the archive is trained
# with ./deploy.sh --archive-only when missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require_jar
runs="${1:-15}"
archive="${jar%.jar}.jsa"
if [[ ! -f "$archive" || "$archive" -ot "$jar" ]]; then
  echo "training the AppCDS archive (./deploy.sh --archive-only)" >&2
  "$repo/deploy.sh" --archive-only >&2
fi

declare -A command=(
  [jdk-defaults]="java -jar $jar serve"
  [xshare-off]="java -Xshare:off -jar $jar serve"
  [serial-gc]="java -XX:+UseSerialGC -jar $jar serve"
  [c1-only]="java -XX:TieredStopAtLevel=1 -jar $jar serve"
  [small-heap]="java -Xms16m -Xmx128m -Xss512k -jar $jar serve"
  [appcds-only]="java -XX:SharedArchiveFile=$archive -Xlog:cds=off -jar $jar serve"
  [run.sh-no-appcds]="env ALBQPS_CDS=off $repo/run.sh"
  [run.sh+appcds]="$repo/run.sh"
)
order=(jdk-defaults xshare-off serial-gc c1-only small-heap appcds-only run.sh-no-appcds run.sh+appcds)
# The package deploy.sh --runtime makes: run.sh with a bundled JDK 25+ and its AOT cache.
runtime="$(runtime_jdk)"
[[ -z "$runtime" ]] || order+=(run.sh+bundled-runtime)
read -r -a configs <<<"${CONFIGS:-${order[*]}}"
for c in "${configs[@]}"; do
  if [[ "$c" == run.sh+bundled-runtime && -n "$runtime" ]]; then
    command[$c]="$(bundled_package "$runtime")/run.sh"
  fi
  [[ -n "${command[$c]:-}" ]] || { echo "unknown configuration $c; known: ${order[*]}" >&2; exit 2; }
done

start_emulator
load_before="$(loadavg)"

# Milliseconds from launch to the first answered timer invocation.
cold_once() {
  local port pid t0 t1
  port="$(free_port)"
  t0="$(now_ns)"
  # shellcheck disable=SC2086
  _FAAS_RUNTIME_PORT="$port" $1 >"$bench_tmp/serve.log" 2>&1 &
  pid=$!
  await_first_answer "$port" "$pid" "$1" || return 1
  t1="$(now_ns)"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  echo $(((t1 - t0) / 1000000))
}

for c in "${configs[@]}"; do
  cold_once "${command[$c]}" >/dev/null # one unmeasured start per configuration (page cache)
done
for ((i = 1; i <= runs; i++)); do
  for c in "${configs[@]}"; do
    cold_once "${command[$c]}" >>"$bench_tmp/cold-$c.ms"
  done
  echo "cold start: round $i/$runs" >&2
done

echo "Cold start to the first answered timer invocation, ms ($runs runs each, interleaved;"
echo "load average before: $load_before, after: $(loadavg); $(nproc) cores; java on PATH: $(java -version 2>&1 | head -1))."
if [[ -n "$runtime" ]]; then
  echo "run.sh+bundled-runtime is the package \`./deploy.sh --runtime $runtime\` makes ($(java_version_of "$runtime"), AOT cache)."
fi
echo
echo "| configuration | median ms | p10–p90 ms | min–max ms |"
echo "|---|---:|---:|---:|"
for c in "${configs[@]}"; do
  sort -g "$bench_tmp/cold-$c.ms" | awk -v name="$c" '
    { v[NR] = $1 }
    function q(p,  r) { r = int(p * NR + 0.999999); if (r < 1) r = 1; return v[r] }
    END { printf "| %s | %d | %d–%d | %d–%d |\n", name, q(0.5), q(0.1), q(0.9), v[1], v[NR] }'
  if [[ -n "${BENCH_KV:-}" ]]; then
    echo "cold.$c=$(median <"$bench_tmp/cold-$c.ms")" >>"$BENCH_KV"
  fi
done
[[ -z "${BENCH_KV:-}" ]] || echo "cold.load=$load_before" >>"$BENCH_KV"

