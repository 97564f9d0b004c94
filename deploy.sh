#!/usr/bin/env bash
# Builds the veFaaS package (dist/alb-qps-autoscaler-vefaas.zip: run.sh + the shaded jar) and prints
# the console steps to deploy it as a native/v1 function with a TOS-mounted state file.
#   ./deploy.sh            build, test and package
#   ./deploy.sh --skip-tests
set -euo pipefail
cd "$(dirname "$0")"

skip_tests=""
if [[ "${1:-}" == "--skip-tests" ]]; then
  skip_tests="-DskipTests"
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--skip-tests]" >&2
  exit 2
fi

missing=0
for tool in java mvn zip; do
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
trap 'rm -rf "$stage"' EXIT
mkdir -p "$dist"
cp target/alb-qps-autoscaler.jar run.sh "$stage/"
chmod 755 "$stage/run.sh"
rm -f "$dist/alb-qps-autoscaler-vefaas.zip"
(cd "$stage" && zip -q -X "$OLDPWD/$dist/alb-qps-autoscaler-vefaas.zip" run.sh alb-qps-autoscaler.jar)
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
