package io.albqps.config;

import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException.Problem;
import io.albqps.engine.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The autoscaler's validated configuration, read once from the environment at start: identities,
 * credentials, the scaling {@link Policy}, endpoints, state, alerting and logging, with warnings
 * and where every value came from. {@link #toString} shows values masked as {@code validate} does.
 *
 * @param credentials empty when the platform is expected to pass role credentials
 * @param metricPeriod the look-back window of QPS points ({@code METRIC_PERIOD})
 * @param functionTimeout the invocation's time limit ({@code _FAAS_FUNC_TIMEOUT}, else 900 s)
 * @param sources every variable's shown value and origin, in catalogue order
 */
public record Settings(
    String autoscalingGroupId,
    String albId,
    Optional<Credentials> credentials,
    Policy policy,
    Duration metricPeriod,
    String region,
    Path tosMountPath,
    String tosStateFile,
    boolean dryRun,
    Optional<URI> alertWebhookUrl,
    AlertWebhookFormat alertWebhookFormat,
    int alertAfterConsecutiveErrors,
    LogLevel logLevel,
    boolean detailedLogging,
    LogFormat logFormat,
    Duration initialDelay,
    Duration functionTimeout,
    CloudMonitorService cloudMonitorService,
    URI autoscalingEndpoint,
    URI cloudMonitorEndpoint,
    QpsMetric qpsMetric,
    Optional<String> listenerId,
    Duration httpTimeout,
    int apiMaxRetries,
    Optional<String> preset,
    List<String> warnings,
    List<SourcedValue> sources) {

  public Settings {
    Objects.requireNonNull(autoscalingGroupId, "autoscalingGroupId");
    Objects.requireNonNull(albId, "albId");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(policy, "policy");
    positive("metricPeriod", metricPeriod);
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(tosMountPath, "tosMountPath");
    if (tosStateFile == null || tosStateFile.isEmpty() || tosStateFile.contains("/")) {
      throw new IllegalArgumentException("tosStateFile must be a file name without /");
    }
    Objects.requireNonNull(alertWebhookUrl, "alertWebhookUrl");
    Objects.requireNonNull(alertWebhookFormat, "alertWebhookFormat");
    if (alertAfterConsecutiveErrors < 1) {
      throw new IllegalArgumentException("alertAfterConsecutiveErrors must be >= 1");
    }
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(logFormat, "logFormat");
    positive("functionTimeout", functionTimeout);
    if (initialDelay.isNegative() || initialDelay.compareTo(functionTimeout) >= 0) {
      throw new IllegalArgumentException("initialDelay must be in [0, functionTimeout)");
    }
    Objects.requireNonNull(cloudMonitorService, "cloudMonitorService");
    Objects.requireNonNull(autoscalingEndpoint, "autoscalingEndpoint");
    Objects.requireNonNull(cloudMonitorEndpoint, "cloudMonitorEndpoint");
    Objects.requireNonNull(qpsMetric, "qpsMetric");
    Objects.requireNonNull(listenerId, "listenerId");
    if (qpsMetric == QpsMetric.LISTENER_QPS && listenerId.isEmpty()) {
      throw new IllegalArgumentException("listener_qps needs a listenerId");
    }
    positive("httpTimeout", httpTimeout);
    if (apiMaxRetries < 0) {
      throw new IllegalArgumentException("apiMaxRetries must be >= 0");
    }
    Objects.requireNonNull(preset, "preset");
    warnings = List.copyOf(warnings);
    sources = List.copyOf(sources);
  }

  /**
   * Validates {@code env} (the process environment, or a dotenv file overridden by it; a {@code
   * null} value counts as unset). An empty value means "unset" for the optional variables ({@code
   * ACCESS_KEY_ID}, {@code SECRET_ACCESS_KEY}, {@code SCALING_PRESET}, {@code ALERT_WEBHOOK_URL},
   * the endpoint overrides, {@code LISTENER_ID}) and is an error for every other one. Values are
   * stripped of surrounding white space.
   *
   * @throws ConfigException listing every bad variable, its value (secrets masked) and what is
   *     allowed
   */
  public static Settings parse(Map<String, String> env) throws ConfigException {
    return new SettingsParser(env).parse();
  }

  /**
   * The CloudMonitor {@code Period} for the look-back window, as the original solution picks it: up
   * to 30 s → 15 s, up to 120 s → 30 s, up to 600 s → 60 s, else 300 s.
   */
  public Duration cloudMonitorPeriod() {
    return CloudMonitorApi.periodFor(metricPeriod);
  }

  /** {@code TOS_MOUNT_PATH/TOS_STATE_FILE}. */
  public Path stateFile() {
    return tosMountPath.resolve(tosStateFile);
  }

  /**
   * The configured access keys, or an error naming both variables; for callers that have no role
   * credentials to fall back on (the CLI).
   */
  public Credentials requireCredentials() throws ConfigException {
    if (credentials.isPresent()) {
      return credentials.get();
    }
    String allowed = "set (no role credentials are available here)";
    throw new ConfigException(
        List.of(
            new Problem(Variable.ACCESS_KEY_ID.envName(), "(unset)", allowed),
            new Problem(Variable.SECRET_ACCESS_KEY.envName(), "(unset)", allowed)));
  }

  /** Where {@code variable}'s value came from, and the value as it may be shown. */
  public SourcedValue source(Variable variable) {
    return sources.stream()
        .filter(s -> s.variable() == variable)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not read: " + variable));
  }

  Settings withWarnings(List<String> newWarnings) {
    return new Settings(
        autoscalingGroupId,
        albId,
        credentials,
        policy,
        metricPeriod,
        region,
        tosMountPath,
        tosStateFile,
        dryRun,
        alertWebhookUrl,
        alertWebhookFormat,
        alertAfterConsecutiveErrors,
        logLevel,
        detailedLogging,
        logFormat,
        initialDelay,
        functionTimeout,
        cloudMonitorService,
        autoscalingEndpoint,
        cloudMonitorEndpoint,
        qpsMetric,
        listenerId,
        httpTimeout,
        apiMaxRetries,
        preset,
        newWarnings,
        sources);
  }

  /** The variables with their shown (masked) values: never a secret or a webhook token. */
  @Override
  public String toString() {
    return sources.stream()
        .map(s -> s.variable().envName() + "=" + s.shownValue())
        .collect(Collectors.joining(", ", "Settings[", "]"));
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
