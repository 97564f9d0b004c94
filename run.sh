#!/usr/bin/env bash
# veFaaS native/v1 start command (set the function's command to ./run.sh).
# Serves the function on ${_FAAS_RUNTIME_PORT:-${_BYTEFAAS_RUNTIME_PORT:-8000}}; settings come from
# the function's environment variables. Small-heap flags keep a 512 MB function comfortable and the
# cold start short; add your own in JAVA_TOOL_OPTIONS (the JVM reads it itself).
set -euo pipefail
cd "$(dirname "$0")"
exec java \
  -Xms32m -Xmx192m -Xss512k \
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError \
  -Dsun.net.httpserver.nodelay=true \
  -jar alb-qps-autoscaler.jar serve
