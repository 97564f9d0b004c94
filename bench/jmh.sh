#!/usr/bin/env bash
# Runs the JMH benchmarks under bench/java (compiled with the tests). Arguments go to JMH, e.g.
#   bench/jmh.sh EngineBenchmark -f 1 -wi 3 -i 5
# JVM options for the JMH runner (not the forks) go in JMH_JAVA_OPTS, e.g. -Djmh.ignoreLock=true.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
exec java ${JMH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$@"
