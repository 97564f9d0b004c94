#!/usr/bin/env bash
# Builds the veFaaS package (dist/alb-qps-autoscaler-vefaas.zip: run.sh, the shaded jar and its
# start-up archive, and with --runtime a bundled Java runtime) and prints the console steps to
# deploy it as a native/v1 function with a TOS-mounted state file. The archive comes from a
# training run: run.sh serves the function against the local emulator, answers every kind of event,
# and the JVM writes what it loaded when it exits: an AppCDS archive (-XX:ArchiveClassesAtExit), or
# with a bundled Java 25+ an AOT cache (-XX:AOTCacheOutput, JEP 483/514: classes loaded and linked
# ahead of time, which starts faster). An archive only works with the JVM build that wrote it:
# without --runtime, build on the same Java as the function runs (run.sh starts without it
# otherwise); with --runtime the package carries that very JVM, so they always match.
#   ./deploy.sh                         build, test and package for the java on the function's PATH
#   ./deploy.sh --runtime JDK           also bundle a runtime made by jlink from JDK (17 or newer;
#                                       25 or newer for the AOT cache), e.g. a Temurin 25
#   ./deploy.sh --skip-tests
#   ./deploy.sh --archive-only [--runtime JDK]   train the archive (and the runtime in target/jre)
#                                       for the existing jar, without packaging (for bench/)
set -euo pipefail
cd "$(dirname "$0")"

# Whatever a run leaves behind (the training run's processes, the staging folder) goes on exit,
# also when a step fails halfway.
leftover_pids=()
leftover_dirs=()
clean_up() {
  local pid
  for pid in "${leftover_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "${leftover_dirs[@]}"
}
trap clean_up EXIT

usage() {
  echo "usage: $0 [--skip-tests] [--archive-only] [--runtime JDK_FOLDER]" >&2
  exit 2
}
skip_tests=""
archive_only=""
runtime_jdk=""
while (($# > 0)); do
  case "$1" in
    --skip-tests) skip_tests="-DskipTests" ;;
    --archive-only) archive_only=1 ;;
    --runtime)
      (($# > 1)) || usage
      runtime_jdk="$2"
      shift
      ;;
    *) usage ;;
  esac
  shift
done

# The modules `serve` needs (jdeps of the jar, minus java.desktop, which only the simulator's
# charts use), plus what it loads by name: java.logging (the JDK HTTP server's and OkHttp's
# loggers), jdk.unsupported, and jdk.crypto.ec for TLS on Java 17-21 (part of java.base since 22).
runtime_modules="java.base,java.logging,java.naming,java.sql,jdk.httpserver,jdk.unsupported"

# Checks that $1 is a Linux JDK 17 or newer with jlink (the function runs on Linux, and the
# training run starts the bundled JVM here); prints its feature version.
jdk_feature() {
  local jdk="$1" feature="" os=""
  if [[ ! -x "$jdk/bin/jlink" || ! -f "$jdk/release" ]]; then
    echo "error: --runtime $jdk: not a JDK folder (needs bin/jlink and release)" >&2
    return 2
  fi
  feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")"
  if [[ -z "$feature" || "$feature" -lt 17 ]]; then
    echo "error: --runtime $jdk: Java ${feature:-of unknown version}; 17 or newer is required" >&2
    return 2
  fi
  os="$(sed -n 's/^OS_NAME="\(.*\)"/\1/p' "$jdk/release")"
  if [[ "$os" != Linux ]]; then
    echo "error: --runtime $jdk: a ${os:-unknown-OS} JDK; the function runs on Linux, so bundle a Linux JDK (and package on Linux)" >&2
    return 2
  fi
  echo "$feature"
}

# Writes a runtime for `serve` made by jlink from the --runtime JDK into folder $1/jre.
bundle_runtime() {
  local jdk="$runtime_jdk" dir="$1" feature="$runtime_feature" modules="$runtime_modules" options=()
  rm -rf "$dir/jre"
  if "$jdk/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
    modules+=",jdk.crypto.ec"
  fi
  # Below 25 the archive is an AppCDS archive, which builds on the JDK's own class archive; an AOT
  # cache holds the JDK's classes itself.
  ((feature >= 25)) || options+=(--generate-cds-archive)
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    "${options[@]}" --output "$dir/jre"
  echo "==> bundled a Java $feature runtime in $dir/jre ($(du -sh "$dir/jre" | cut -f1))"
}

# Trains the archive next to the jar of the run.sh in folder $1 (see the header): an AppCDS
# archive, or an AOT cache when run.sh starts a bundled Java 25+. Sets trained_archive to its path.
train_archive() {
  local dir="$1" work emu port serve i
  work="$(mktemp -d)"
  local jar_path="$dir/alb-qps-autoscaler.jar"
  [[ -f "$jar_path" ]] || jar_path="$dir/target/alb-qps-autoscaler.jar"
  rm -f "${jar_path%.jar}.jsa" "${jar_path%.jar}.aot"
  printf 't,qps\n0,100\n864000,100\n' >"$work/constant.csv"
  java -jar "$jar_path" emulator --port 0 --trace "$work/constant.csv" --initial 2 >"$work/emulator.env" 2>"$work/emulator.err" &
  emu=$!
  leftover_pids+=("$emu")
  leftover_dirs+=("$work")
  for ((i = 0; i < 600; i++)); do
    grep -q '^export CLOUDMONITOR_ENDPOINT' "$work/emulator.env" && break
    sleep 0.05
  done
  port=$((20000 + RANDOM % 12000))
  mkdir -p "$work/tos"
  (
    # shellcheck disable=SC1091
    source <(grep '^export ' "$work/emulator.env")
    ALBQPS_CDS=train _FAAS_RUNTIME_PORT="$port" _FAAS_FUNC_TIMEOUT=30 TOS_MOUNT_PATH="$work/tos" \
      LOG_FORMAT=json exec "$dir/run.sh" >"$work/serve.log" 2>&1
  ) &
  serve=$!
  leftover_pids+=("$serve")
  for ((i = 0; i < 600; i++)); do
    curl -s -f -o /dev/null "http://127.0.0.1:$port/v1/ping" && break
    kill -0 "$serve" 2>/dev/null || break
    sleep 0.05
  done
  if ! curl -s -f -o /dev/null "http://127.0.0.1:$port/v1/ping"; then
    echo "error: the training run's serve did not start; its log:" >&2
    tail -20 "$work/serve.log" >&2
    return 1
  fi
  local url="http://127.0.0.1:$port/"
  for ((i = 0; i < 20; i++)); do
    curl -s -o /dev/null -X POST -H 'ce-type: bytefaas.timer.event' --data '{}' "$url"
    curl -s -o /dev/null -X POST -H 'X-Faas-Request-Id: train' --data '{"type":"scaling_evaluation","dry_run":true}' "$url"
    curl -s -o /dev/null -X POST --data '{"type":"status"}' "$url"
    curl -s -o /dev/null -X POST --data '{"type":"validation"}' "$url"
    curl -s -o /dev/null -X POST --data '{"type":"nonsense"}' "$url"
  done
  kill -TERM "$serve"
  wait "$serve" || true
  kill "$emu"
  wait "$emu" 2>/dev/null || true
  for trained_archive in "${jar_path%.jar}.aot" "${jar_path%.jar}.jsa" ""; do
    [[ -s "$trained_archive" ]] && break
  done
  if [[ -z "$trained_archive" ]]; then
    echo "error: the training run wrote no archive; serve log:" >&2
    tail -20 "$work/serve.log" >&2
    return 1
  fi
  echo "==> trained $trained_archive ($(du -h "$trained_archive" | cut -f1))"
}

runtime_feature=""
if [[ -n "$runtime_jdk" ]]; then
  runtime_feature="$(jdk_feature "$runtime_jdk")" || exit 2
fi

if [[ -n "$archive_only" ]]; then
  # Without --runtime, run.sh uses the java on PATH: drop a runtime bundled by an earlier run.
  rm -rf target/jre
  [[ -z "$runtime_jdk" ]] || bundle_runtime target
  train_archive "$PWD"
  exit 0
fi

missing=0
for tool in java mvn zip curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is required but not on PATH" >&2
    missing=1
  fi
done
if [[ $missing -ne 0 ]]; then
  exit 2
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if [[ "${java_major%%.*}" -lt 17 ]]; then
  echo "error: Java 17 or newer is required to build (found ${java_major})" >&2
  exit 2
fi

echo "==> building the jar (mvn -B package ${skip_tests})"
mvn -B -q package ${skip_tests}

dist="dist"
stage="$(mktemp -d)"
leftover_dirs+=("$stage")
mkdir -p "$dist"
cp target/alb-qps-autoscaler.jar run.sh "$stage/"
chmod 755 "$stage/run.sh"
# The archive records the jar's size and modification time: fix the time to an even second in UTC
# (zip keeps it exactly, with its extended-timestamp field) so the unzipped jar still matches.
# The same goes for the runtime's files, which an AOT cache also checks.
packaged=(run.sh alb-qps-autoscaler.jar)
if [[ -n "$runtime_jdk" ]]; then
  bundle_runtime "$stage"
  packaged+=(jre)
fi
find "$stage" -path "$stage/run.sh" -prune -o -exec touch -h -d '2000-01-01T00:00:00Z' {} +
echo "==> training the start-up archive against the local emulator"
train_archive "$stage"
packaged+=("${trained_archive##*/}")
rm -f "$dist/alb-qps-autoscaler-vefaas.zip"
(cd "$stage" && zip -q -r "$OLDPWD/$dist/alb-qps-autoscaler-vefaas.zip" "${packaged[@]}")
size="$(du -h "$dist/alb-qps-autoscaler-vefaas.zip" | cut -f1)"
echo "==> wrote $dist/alb-qps-autoscaler-vefaas.zip ($size)"

cat <<'STEPS'

Deploy on veFaaS (BytePlus Function Service console):
 1. Create function -> "Custom runtime": runtime native/v1, upload dist/alb-qps-autoscaler-vefaas.zip.
    Command: ./run.sh    Port: 8000    Memory: 512 MB    Request timeout: 60 s (or more than
    INITIAL_DELAY_SECONDS + 30 s).
 2. Environment variables (see .env.example for every one, with defaults):
      AUTOSCALING_GROUP_ID=scg-...        ALB_ID=alb-...        REGION=ap-southeast-1
      TARGET_QPS_PER_INSTANCE=50          (and any SCALING_PRESET / thresholds / cooldowns)
      TOS_MOUNT_PATH=/mnt/tos             TOS_STATE_FILE=scaling_state.json
      ACCESS_KEY_ID / SECRET_ACCESS_KEY   only if no role is bound (a bound role is better:
                                          veFaaS then passes temporary keys with each request)
      ALERT_WEBHOOK_URL, ALERT_WEBHOOK_FORMAT=json|lark|slack   optional
      DRY_RUN_MODE=true                   for the first day, then false
 3. Permissions: bind a role (or keys) allowed to call AutoScaling DescribeScalingGroups,
    DescribeScalingActivities, DescribeScalingInstances, ModifyScalingGroup and CloudMonitor
    GetMetricData (CloudMonitorReadOnlyAccess).
 4. Storage: enable the TOS mount, bucket path of your choice, local mount path /mnt/tos (the
    same as TOS_MOUNT_PATH), read-write. The state file lives there between invocations.
 5. Trigger: a timer trigger, crontab "*/1 * * * *" (every minute), concurrency off, retries 0.
    Sub-minute evaluation: create four copies of the function sharing the same TOS path and
    state file, identical env except INITIAL_DELAY_SECONDS=0, 15, 30 and 45, each with its own
    every-minute timer. They coordinate through the state file's revision check.
 6. Check: invoke the function with {"type":"validation"}, then {"type":"status"}, then
    {"type":"scaling_evaluation","dry_run":true}; read the JSON response and the logs.
STEPS
