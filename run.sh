#!/usr/bin/env bash
# veFaaS native/v1 start command (set the function's command to ./run.sh).
# Serves the function on ${_FAAS_RUNTIME_PORT:-${_BYTEFAAS_RUNTIME_PORT:-8000}}; settings come from
# the function's environment variables. The flags are the ones docs/PERF.md measured to help a
# short-lived, small-heap process: Serial GC, C1 only, a small heap and stacks, and the archive
# deploy.sh trains next to the jar (skipped cleanly when it is missing; the JVM itself ignores an
# archive made by another JVM build). Add your own flags in JAVA_TOOL_OPTIONS.
# Java: the runtime deploy.sh bundled in jre/ (./deploy.sh --runtime JDK) when there is one, else
# the java on PATH. A bundled Java 25 or newer gets an AOT cache (alb-qps-autoscaler.aot, JEP 483),
# any other Java an AppCDS archive (alb-qps-autoscaler.jsa).
#   ALBQPS_CDS=off ./run.sh    start without the archive (for benchmarks)
#   ALBQPS_CDS=train ./run.sh  write the archive when the process exits (deploy.sh's training run)
set -euo pipefail
cd "$(dirname "$0")"

jar="alb-qps-autoscaler.jar"
if [[ ! -f "$jar" && -f "target/$jar" ]]; then
  jar="target/$jar" # run from a source checkout after mvn package
fi
java="java"
archive="${jar%.jar}.jsa"
use_archive=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
train_archive=(-XX:ArchiveClassesAtExit="$archive")
runtime="$(dirname "$jar")/jre"
if [[ -x "$runtime/bin/java" ]]; then
  java="$runtime/bin/java"
  # The release file's JAVA_VERSION="25.0.3", read without starting a JVM.
  feature=0
  if [[ -f "$runtime/release" ]]; then
    while IFS='=' read -r key value; do
      [[ "$key" == JAVA_VERSION ]] && feature="${value//\"/}" && feature="${feature%%.*}"
    done <"$runtime/release"
  fi
  if ((feature >= 25)); then
    archive="${jar%.jar}.aot"
    use_archive=(-XX:AOTCache="$archive" -Xlog:aot=off -Xlog:cds=off)
    train_archive=(-XX:AOTCacheOutput="$archive")
  fi
fi

flags=(
  -Xms16m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError
  -Dsun.net.httpserver.nodelay=true
)
case "${ALBQPS_CDS:-on}" in
  on) [[ -f "$archive" ]] && flags+=("${use_archive[@]}") ;;
  off) ;;
  train) flags+=("${train_archive[@]}") ;;
  *) echo "run.sh: ALBQPS_CDS must be on, off or train, got '$ALBQPS_CDS'" >&2; exit 2 ;;
esac
exec "$java" "${flags[@]}" -jar "$jar" serve "$@"
