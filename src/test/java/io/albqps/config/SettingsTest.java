package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException.Problem;
import io.albqps.engine.Policy;
import io.albqps.engine.QpsStatistic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsTest {
  static final String SECRET = "sEcReT-kEy-0123456789-zz";

  static Map<String, String> required() {
    Map<String, String> env = new HashMap<>();
    env.put("AUTOSCALING_GROUP_ID", "scg-abc123");
    env.put("ALB_ID", "alb-def456");
    return env;
  }

  static Map<String, String> with(String... pairs) {
    Map<String, String> env = required();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void onlyTheRequiredVariablesGiveTheDocumentedDefaults() throws ConfigException {
    Settings settings = Settings.parse(required());

    assertThat(settings.autoscalingGroupId()).isEqualTo("scg-abc123");
    assertThat(settings.albId()).isEqualTo("alb-def456");
    assertThat(settings.credentials()).isEmpty();
    assertThat(settings.metricPeriod()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.region()).isEqualTo("ap-southeast-1");
    assertThat(settings.tosMountPath()).isEqualTo(Path.of("/tosmount"));
    assertThat(settings.tosStateFile()).isEqualTo("scaling_state.json");
    assertThat(settings.stateFile()).isEqualTo(Path.of("/tosmount/scaling_state.json"));
    assertThat(settings.dryRun()).isFalse();
    assertThat(settings.alertWebhookUrl()).isEmpty();
    assertThat(settings.alertWebhookFormat()).isEqualTo(AlertWebhookFormat.JSON);
    assertThat(settings.alertAfterConsecutiveErrors()).isEqualTo(3);
    assertThat(settings.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(settings.detailedLogging()).isFalse();
    assertThat(settings.logFormat()).isEqualTo(LogFormat.AUTO);
    assertThat(settings.initialDelay()).isZero();
    assertThat(settings.functionTimeout()).isEqualTo(Duration.ofSeconds(900));
    assertThat(settings.cloudMonitorService()).isEqualTo(CloudMonitorService.CLOUDMONITOR);
    assertThat(settings.qpsMetric()).isEqualTo(QpsMetric.LOAD_BALANCER_QPS);
    assertThat(settings.listenerId()).isEmpty();
    assertThat(settings.httpTimeout()).isEqualTo(Duration.ofMillis(3000));
    assertThat(settings.apiMaxRetries()).isEqualTo(3);
    assertThat(settings.preset()).isEmpty();
  }

  @Test
  void defaultPolicyIsTheEnginesDefaultWithTheDerivedStalenessBound() throws ConfigException {
    Policy policy = Settings.parse(required()).policy();

    // METRIC_PERIOD 300 s -> CloudMonitor period 60 s -> stale after max(60, 60) + 120 = 180 s.
    assertThat(policy)
        .isEqualTo(Policy.builder().metricStaleAfter(Duration.ofSeconds(180)).build());
  }

  @Test
  void scaleDownToleranceFollowsScaleToleranceWhenUnset() throws ConfigException {
    Policy policy = Settings.parse(with("SCALE_TOLERANCE", "0.2")).policy();

    assertThat(policy.scaleDownTolerance()).isEqualTo(0.2);
  }

  @Test
  void everyPolicyVariableMapsToItsPolicyField() throws ConfigException {
    Policy policy =
        Settings.parse(
                with(
                    "ENABLE_DYNAMIC_SCALING", "FALSE",
                    "TARGET_QPS_PER_INSTANCE", "12.5",
                    "SCALE_UP_THRESHOLD", "0.9",
                    "SCALE_DOWN_THRESHOLD", "0.3",
                    "SCALE_UP_INCREMENT", "2",
                    "SCALE_DOWN_DECREMENT", "3",
                    "MAX_SCALE_UP_PER_ACTION", "4",
                    "MAX_SCALE_DOWN_PER_ACTION", "5",
                    "SCALE_UP_COOLDOWN", "61",
                    "SCALE_DOWN_COOLDOWN", "62",
                    "GENERAL_COOLDOWN", "63",
                    "SCALE_TOLERANCE", "0.2",
                    "UPSCALE_DELAY_SECONDS", "300",
                    "DOWNSCALE_DELAY_SECONDS", "900",
                    "UPSCALING_FACTOR", "1.5",
                    "DOWNSCALING_FACTOR", "0.5",
                    "QPS_STATISTIC", "P90",
                    "INSTANCE_WARMUP_SECONDS", "240",
                    "PANIC_THRESHOLD", "2.5",
                    "PREDICTIVE_HORIZON_SECONDS", "180",
                    "METRIC_STALE_SECONDS", "400",
                    "SCALE_DOWN_TOLERANCE", "0.25",
                    "PREDICTIVE_MAX_RATIO", "1.5",
                    "PREDICTIVE_MIN_RISES", "2"))
            .policy();

    assertThat(policy)
        .isEqualTo(
            new Policy(
                false,
                12.5,
                0.9,
                0.3,
                2,
                3,
                4,
                5,
                Duration.ofSeconds(61),
                Duration.ofSeconds(62),
                Duration.ofSeconds(63),
                0.2,
                Duration.ofSeconds(300),
                Duration.ofSeconds(900),
                1.5,
                0.5,
                QpsStatistic.P90,
                Duration.ofSeconds(240),
                2.5,
                Duration.ofSeconds(180),
                Duration.ofSeconds(400),
                0.25,
                1.5,
                2));
  }

  static Stream<Arguments> cloudMonitorPeriods() {
    return Stream.of(
        Arguments.of("10", 15, 180),
        Arguments.of("30", 15, 180),
        Arguments.of("31", 30, 180),
        Arguments.of("120", 30, 180),
        Arguments.of("121", 60, 180),
        Arguments.of("600", 60, 180),
        Arguments.of("601", 300, 420),
        Arguments.of("3600", 300, 420));
  }

  @ParameterizedTest(name = "METRIC_PERIOD {0} s -> CloudMonitor period {1} s, stale after {2} s")
  @MethodSource("cloudMonitorPeriods")
  void cloudMonitorPeriodAndStalenessFollowTheLookBack(
      String metricPeriod, int periodSeconds, int staleSeconds) throws ConfigException {
    Settings settings = Settings.parse(with("METRIC_PERIOD", metricPeriod));

    assertThat(settings.cloudMonitorPeriod()).isEqualTo(Duration.ofSeconds(periodSeconds));
    assertThat(settings.policy().metricStaleAfter()).isEqualTo(Duration.ofSeconds(staleSeconds));
  }

  @Test
  void accessKeysTogetherBecomeCredentials() throws ConfigException {
    Settings settings =
        Settings.parse(with("ACCESS_KEY_ID", "AKLTexample", "SECRET_ACCESS_KEY", SECRET));

    assertThat(settings.credentials()).contains(Credentials.of("AKLTexample", SECRET));
    assertThat(settings.requireCredentials()).isEqualTo(Credentials.of("AKLTexample", SECRET));
  }

  @Test
  void emptyAccessKeysMeanRoleCredentials() throws ConfigException {
    Settings settings = Settings.parse(with("ACCESS_KEY_ID", "", "SECRET_ACCESS_KEY", " "));

    assertThat(settings.credentials()).isEmpty();
  }

  @Test
  void requireCredentialsNamesBothVariablesWhenNoneAreSet() throws ConfigException {
    Settings settings = Settings.parse(required());

    assertThatThrownBy(settings::requireCredentials)
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::variable)
                    .containsExactly("ACCESS_KEY_ID", "SECRET_ACCESS_KEY"));
  }

  @Test
  void secretIsMaskedInTheExceptionMessage() {
    Map<String, String> env = with("SECRET_ACCESS_KEY", SECRET);

    assertThatThrownBy(() -> Settings.parse(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ACCESS_KEY_ID=(unset)")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(SECRET.substring(0, 6));
  }

  @Test
  void malformedSecretIsShownMaskedWithItsLastTwoCharacters() {
    Map<String, String> env =
        with("ACCESS_KEY_ID", "AKLTexample", "SECRET_ACCESS_KEY", "ab cd ef gh zz");

    assertThatThrownBy(() -> Settings.parse(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SECRET_ACCESS_KEY=****zz")
        .hasMessageNotContaining("ab cd");
  }

  @Test
  void webhookTokenIsMaskedInTheExceptionMessage() {
    Map<String, String> env =
        with("ALERT_WEBHOOK_URL", "http://hooks.example.com/services/T000/B000/tokenvalue42");

    assertThatThrownBy(() -> Settings.parse(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ALERT_WEBHOOK_URL=http://hooks.example.com/****42")
        .hasMessageNotContaining("tokenvalue");
  }

  @Test
  void everyBadVariableIsListedInOneException() {
    Map<String, String> env = new HashMap<>();
    env.put("TARGET_QPS_PER_INSTANCE", "fast");
    env.put("METRIC_PERIOD", "5");
    env.put("LOG_LEVEL", "LOUD");

    assertThatThrownBy(() -> Settings.parse(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration (5 problems)")
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Problem::variable)
                    .containsExactly(
                        "AUTOSCALING_GROUP_ID",
                        "ALB_ID",
                        "TARGET_QPS_PER_INSTANCE",
                        "METRIC_PERIOD",
                        "LOG_LEVEL"));
  }

  @Test
  void errorNamesTheValueAndTheAllowedRange() {
    Map<String, String> env = with("HTTP_TIMEOUT_MS", "50");

    assertThatThrownBy(() -> Settings.parse(env))
        .hasMessageContaining("HTTP_TIMEOUT_MS=50: expected milliseconds, an integer 100..60000");
  }

  @Test
  void valuesAreStrippedOfSurroundingWhiteSpace() throws ConfigException {
    Settings settings = Settings.parse(with("METRIC_PERIOD", " 120 ", "REGION", "\tcn-hongkong "));

    assertThat(settings.metricPeriod()).isEqualTo(Duration.ofSeconds(120));
    assertThat(settings.region()).isEqualTo("cn-hongkong");
  }

  @Test
  void nullValuesCountAsUnset() throws ConfigException {
    Map<String, String> env = required();
    env.put("METRIC_PERIOD", null);
    env.put(null, "x");

    assertThat(Settings.parse(env).metricPeriod()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void listenerQpsReadsTheListener() throws ConfigException {
    Settings settings =
        Settings.parse(with("QPS_METRIC", "listener_qps", "LISTENER_ID", "lsn-789xyz"));

    assertThat(settings.qpsMetric()).isEqualTo(QpsMetric.LISTENER_QPS);
    assertThat(settings.qpsMetric().subNamespace()).isEqualTo("listener");
    assertThat(settings.listenerId()).contains("lsn-789xyz");
  }

  @Test
  void initialDelayMayApproachTheFunctionTimeout() throws ConfigException {
    Settings settings =
        Settings.parse(with("_FAAS_FUNC_TIMEOUT", "60", "INITIAL_DELAY_SECONDS", "45"));

    assertThat(settings.initialDelay()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.functionTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void initialDelayAtTheFunctionTimeoutIsAnError() {
    Map<String, String> env = with("_FAAS_FUNC_TIMEOUT", "30", "INITIAL_DELAY_SECONDS", "30");

    assertThatThrownBy(() -> Settings.parse(env))
        .hasMessageContaining("INITIAL_DELAY_SECONDS=30: expected seconds, an integer 0..29");
  }

  @Test
  void pythonLogLevelNamesAreAccepted() throws ConfigException {
    assertThat(Settings.parse(with("LOG_LEVEL", "warning")).logLevel()).isEqualTo(LogLevel.WARN);
    assertThat(Settings.parse(with("LOG_LEVEL", "CRITICAL")).logLevel()).isEqualTo(LogLevel.ERROR);
  }

  @Test
  void webhookUrlIsKept() throws ConfigException {
    Settings settings =
        Settings.parse(
            with(
                "ALERT_WEBHOOK_URL",
                "https://open.larksuite.com/hook/abc?x=1",
                "ALERT_WEBHOOK_FORMAT",
                "Lark"));

    assertThat(settings.alertWebhookUrl())
        .contains(URI.create("https://open.larksuite.com/hook/abc?x=1"));
    assertThat(settings.alertWebhookFormat()).isEqualTo(AlertWebhookFormat.LARK);
  }

  @Test
  void everyVariableHasASourceInCatalogueOrder() throws ConfigException {
    Settings settings = Settings.parse(required());

    assertThat(settings.sources())
        .extracting(SourcedValue::variable)
        .containsExactly(Variable.values());
  }

  @Test
  void sourcesSayWhereEachValueCameFrom() throws ConfigException {
    Settings settings =
        Settings.parse(with("SCALING_PRESET", "production", "SCALE_DOWN_COOLDOWN", "1200"));

    assertThat(settings.source(Variable.ALB_ID))
        .isEqualTo(new SourcedValue(Variable.ALB_ID, "alb-def456", Source.ENV));
    assertThat(settings.source(Variable.SCALE_DOWN_COOLDOWN))
        .isEqualTo(new SourcedValue(Variable.SCALE_DOWN_COOLDOWN, "1200", Source.ENV));
    assertThat(settings.source(Variable.METRIC_PERIOD))
        .isEqualTo(new SourcedValue(Variable.METRIC_PERIOD, "300", Source.PRESET));
    assertThat(settings.source(Variable.LOG_LEVEL))
        .isEqualTo(new SourcedValue(Variable.LOG_LEVEL, "INFO", Source.DEFAULT));
    assertThat(settings.source(Variable.METRIC_STALE_SECONDS))
        .isEqualTo(new SourcedValue(Variable.METRIC_STALE_SECONDS, "180", Source.DEFAULT));
  }

  @Test
  void secretSourceIsMasked() throws ConfigException {
    Settings settings =
        Settings.parse(with("ACCESS_KEY_ID", "AKLTexample", "SECRET_ACCESS_KEY", SECRET));

    assertThat(settings.source(Variable.SECRET_ACCESS_KEY).shownValue()).isEqualTo("****zz");
  }

  @Test
  void toStringShowsNoSecretNorWebhookToken() throws ConfigException {
    Settings settings =
        Settings.parse(
            with(
                "ACCESS_KEY_ID", "AKLTexample",
                "SECRET_ACCESS_KEY", SECRET,
                "ALERT_WEBHOOK_URL", "https://hooks.example.com/services/tokenvalue42"));

    assertThat(settings.toString())
        .contains("ACCESS_KEY_ID=AKLTexample")
        .contains("ALERT_WEBHOOK_URL=https://hooks.example.com/****42")
        .doesNotContain(SECRET)
        .doesNotContain("tokenvalue");
  }

  @Test
  void shortSecretsAreMaskedWhole() {
    assertThat(Variable.SECRET_ACCESS_KEY.show("abc1234")).isEqualTo("****");
    assertThat(Variable.SECRET_ACCESS_KEY.show("abc12345")).isEqualTo("****45");
  }

  @Test
  void logFormatAutoResolvesByTerminal() {
    assertThat(LogFormat.AUTO.resolve(true)).isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.AUTO.resolve(false)).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.TEXT.resolve(false)).isEqualTo(LogFormat.TEXT);
  }
}
