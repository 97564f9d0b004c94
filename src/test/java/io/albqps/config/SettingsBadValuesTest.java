package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.albqps.config.ConfigException.Problem;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variable's bad values give exactly one problem, naming that variable. */
class SettingsBadValuesTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        row("AUTOSCALING_GROUP_ID", "", "empty (required)"),
        row("AUTOSCALING_GROUP_ID", "abc123", "without the scg- prefix"),
        row("AUTOSCALING_GROUP_ID", "scg-", "prefix only"),
        row("AUTOSCALING_GROUP_ID", "scg-ab_c", "with an underscore"),
        row("ALB_ID", "", "empty (required)"),
        row("ALB_ID", "scg-abc", "a group id"),
        row("ALB_ID", "alb-", "prefix only"),
        row("ACCESS_KEY_ID", "AK LT", "with a space", "SECRET_ACCESS_KEY", "secret-key-123"),
        row("ACCESS_KEY_ID", "", "unset while the secret is set", "SECRET_ACCESS_KEY", "s-123456"),
        row("SECRET_ACCESS_KEY", "a b c d e f", "with spaces", "ACCESS_KEY_ID", "AKLTexample"),
        row("SECRET_ACCESS_KEY", "", "unset while the key id is set", "ACCESS_KEY_ID", "AKLTx"),
        row("SCALING_PRESET", "fast", "an unknown preset"),
        row("TARGET_QPS_PER_INSTANCE", "abc", "not a number"),
        row("TARGET_QPS_PER_INSTANCE", "0", "zero"),
        row("TARGET_QPS_PER_INSTANCE", "-5", "negative"),
        row("TARGET_QPS_PER_INSTANCE", "", "empty"),
        row("TARGET_QPS_PER_INSTANCE", "NaN", "NaN"),
        row("TARGET_QPS_PER_INSTANCE", "Infinity", "infinite"),
        row("TARGET_QPS_PER_INSTANCE", "1e999", "overflowing to infinity"),
        row("TARGET_QPS_PER_INSTANCE", "0x10", "hexadecimal"),
        row("TARGET_QPS_PER_INSTANCE", "50d", "with a Java type suffix"),
        row("ENABLE_DYNAMIC_SCALING", "yes", "yes instead of true"),
        row("ENABLE_DYNAMIC_SCALING", "1", "1 instead of true"),
        row("ENABLE_DYNAMIC_SCALING", "", "empty"),
        row("SCALE_UP_THRESHOLD", "0", "zero"),
        row("SCALE_UP_THRESHOLD", "1.5", "above 1"),
        row("SCALE_UP_THRESHOLD", "x", "not a number"),
        row("SCALE_UP_THRESHOLD", "", "empty"),
        row("SCALE_DOWN_THRESHOLD", "0", "zero"),
        row("SCALE_DOWN_THRESHOLD", "-0.1", "negative"),
        row("SCALE_DOWN_THRESHOLD", "0.9", "above the up threshold 0.8"),
        row("SCALE_DOWN_THRESHOLD", "0.8", "equal to the up threshold"),
        row(
            "SCALE_DOWN_THRESHOLD",
            "0.5",
            "above an explicit up threshold",
            "SCALE_UP_THRESHOLD",
            "0.4"),
        row("SCALE_UP_INCREMENT", "0", "zero"),
        row("SCALE_UP_INCREMENT", "1.5", "a fraction"),
        row("SCALE_UP_INCREMENT", "2001", "above 2000"),
        row("SCALE_UP_INCREMENT", "", "empty"),
        row("SCALE_DOWN_DECREMENT", "0", "zero"),
        row("SCALE_DOWN_DECREMENT", "-1", "negative"),
        row("MAX_SCALE_UP_PER_ACTION", "-1", "negative"),
        row("MAX_SCALE_UP_PER_ACTION", "2001", "above 2000"),
        row("MAX_SCALE_UP_PER_ACTION", "x", "not a number"),
        row("MAX_SCALE_DOWN_PER_ACTION", "-1", "negative"),
        row("METRIC_PERIOD", "9", "below 10"),
        row("METRIC_PERIOD", "0", "zero"),
        row("METRIC_PERIOD", "300.5", "a fraction"),
        row("METRIC_PERIOD", "", "empty"),
        row("METRIC_PERIOD", "86401", "above a day"),
        row("METRIC_PERIOD", "99999999999999999999", "beyond a long"),
        row("SCALE_UP_COOLDOWN", "-1", "negative"),
        row("SCALE_UP_COOLDOWN", "abc", "not a number"),
        row("SCALE_DOWN_COOLDOWN", "-1", "negative"),
        row("GENERAL_COOLDOWN", "86401", "above a day"),
        row("SCALE_TOLERANCE", "1", "one"),
        row("SCALE_TOLERANCE", "-0.1", "negative"),
        row("SCALE_TOLERANCE", "", "empty"),
        row("UPSCALE_DELAY_SECONDS", "-1", "negative"),
        row("DOWNSCALE_DELAY_SECONDS", "x", "not a number"),
        row("UPSCALING_FACTOR", "0", "zero"),
        row("UPSCALING_FACTOR", "11", "above 10"),
        row("DOWNSCALING_FACTOR", "-1", "negative"),
        row("QPS_STATISTIC", "median", "an unknown statistic"),
        row("QPS_STATISTIC", "", "empty"),
        row("INSTANCE_WARMUP_SECONDS", "-5", "negative"),
        row("PANIC_THRESHOLD", "1", "exactly 1"),
        row("PANIC_THRESHOLD", "0.5", "between 0 and 1"),
        row("PANIC_THRESHOLD", "101", "above 100"),
        row("PREDICTIVE_HORIZON_SECONDS", "3601", "above an hour"),
        row("PREDICTIVE_MAX_RATIO", "0.5", "between 0 and 1"),
        row("PREDICTIVE_MAX_RATIO", "101", "above 100"),
        row("PREDICTIVE_MIN_RISES", "11", "above 10"),
        row("PREDICTIVE_MIN_RISES", "-1", "negative"),
        row("PREDICTIVE_MIN_RISES", "1.5", "not an integer"),
        row("SCALE_DOWN_TOLERANCE", "1", "one"),
        row("SCALE_DOWN_TOLERANCE", "-0.1", "negative"),
        row("METRIC_STALE_SECONDS", "5", "below 10"),
        row("METRIC_STALE_SECONDS", "", "empty"),
        row("METRIC_STALE_SECONDS", "x", "not a number"),
        row("REGION", "", "empty"),
        row("REGION", "AP-SOUTHEAST-1", "upper case"),
        row("REGION", "ap southeast", "with a space"),
        row("REGION", "a", "one letter"),
        row("REGION", "ap-southeast-1.evil.com", "a host name"),
        row("CLOUDMONITOR_SERVICE", "observe", "an unknown service"),
        row("AUTOSCALING_ENDPOINT", "http://example.com", "plain http to a remote host"),
        row("AUTOSCALING_ENDPOINT", "https://example.com/path", "with a path"),
        row("AUTOSCALING_ENDPOINT", "https://example.com?a=1", "with a query"),
        row("AUTOSCALING_ENDPOINT", "ftp://example.com", "another scheme"),
        row("AUTOSCALING_ENDPOINT", "https://user:pw@example.com", "with user info"),
        row("AUTOSCALING_ENDPOINT", "not a url", "not a URL"),
        row("AUTOSCALING_ENDPOINT", "example.com", "without a scheme"),
        row("CLOUDMONITOR_ENDPOINT", "http://10.0.0.1:8080", "plain http to a private address"),
        row("QPS_METRIC", "server_group_qps", "an unknown metric"),
        row("LISTENER_ID", "listener-1", "without the lsn- prefix", "QPS_METRIC", "listener_qps"),
        row("LISTENER_ID", "", "missing with listener_qps", "QPS_METRIC", "listener_qps"),
        row("HTTP_TIMEOUT_MS", "99", "below 100"),
        row("HTTP_TIMEOUT_MS", "60001", "above 60000"),
        row("API_MAX_RETRIES", "11", "above 10"),
        row("API_MAX_RETRIES", "-1", "negative"),
        row("TOS_MOUNT_PATH", "", "empty"),
        row("TOS_STATE_FILE", "a/b.json", "with a slash"),
        row("TOS_STATE_FILE", "..", "the parent directory"),
        row("TOS_STATE_FILE", "", "empty"),
        row("DRY_RUN_MODE", "maybe", "not a boolean"),
        row("ALERT_WEBHOOK_URL", "http://hooks.example.com/x", "plain http to a remote host"),
        row("ALERT_WEBHOOK_URL", "hooks.example.com/x", "without a scheme"),
        row("ALERT_WEBHOOK_URL", "https://", "without a host"),
        row("ALERT_WEBHOOK_FORMAT", "teams", "an unknown format"),
        row("ALERT_AFTER_CONSECUTIVE_ERRORS", "0", "zero"),
        row("ALERT_AFTER_CONSECUTIVE_ERRORS", "1001", "above 1000"),
        row("LOG_LEVEL", "VERBOSE", "an unknown level"),
        row("LOG_LEVEL", "", "empty"),
        row("ENABLE_DETAILED_LOGGING", "on", "not a boolean"),
        row("LOG_FORMAT", "xml", "an unknown format"),
        row("INITIAL_DELAY_SECONDS", "-1", "negative"),
        row("INITIAL_DELAY_SECONDS", "900", "at the default timeout of 900 s"),
        row("INITIAL_DELAY_SECONDS", "30", "at the function timeout", "_FAAS_FUNC_TIMEOUT", "30"),
        row("INITIAL_DELAY_SECONDS", "x", "not a number"),
        row("_FAAS_FUNC_TIMEOUT", "0", "zero"),
        row("_FAAS_FUNC_TIMEOUT", "901", "above the platform's 900"),
        row("_FAAS_FUNC_TIMEOUT", "abc", "not a number"));
  }

  private static Arguments row(String variable, String value, String why, String... extra) {
    return Arguments.of(variable, value, why, extra);
  }

  @ParameterizedTest(name = "{0}={1} ({2}) is rejected naming {0}")
  @MethodSource("badValues")
  void badValueIsRejectedNamingTheVariable(
      String variable, String value, String why, String[] extra) {
    Map<String, String> env = SettingsTest.with(extra);
    env.put(variable, value);

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> Settings.parse(env));

    assertThat(e).as("no exception for " + variable + "=" + value).isNotNull();
    assertThat(e.problems()).extracting(Problem::variable).containsExactly(variable);
    assertThat(e.problems().get(0).allowed()).isNotBlank();
    assertThat(e.getMessage()).contains(variable + "=");
  }

  @Test
  void everyVariableHasABadValueRow() {
    Set<String> covered = badValues().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Variable.values()).map(Variable::envName).toList());
  }
}
