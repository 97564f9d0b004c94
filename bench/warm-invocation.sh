#!/usr/bin/env bash
# Times one warm invocation of the real function (client, signer, file state store, engine)
# against the local emulator on loopback: median, p90 and p99 over N invocations (default 1000)
# after a warm-up (default 300), plus the API calls per evaluation.
#   bench/warm-invocation.sh [N] [WARMUP]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  io.albqps.bench.WarmInvocation "$@"
