package io.albqps.config;

import static io.albqps.config.Variable.*;

import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.engine.Policy;
import io.albqps.engine.QpsStatistic;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns an environment into {@link Settings}: reads every {@link Variable} once, checks the rules
 * that span variables, and throws one {@link ConfigException} with every problem found.
 */
final class SettingsParser {
  private static final Pattern GROUP_ID = Pattern.compile("scg-[A-Za-z0-9]{1,64}");
  private static final Pattern ALB = Pattern.compile("alb-[A-Za-z0-9]{1,64}");
  private static final Pattern LISTENER = Pattern.compile("lsn-[A-Za-z0-9]{1,64}");
  private static final Pattern REGION_ID = Pattern.compile("[a-z]{2,8}(-[a-z0-9]{1,16}){1,3}");
  private static final Pattern KEY = Pattern.compile("\\S{1,512}");
  private static final Pattern STATE_FILE_NAME = Pattern.compile("[^/\\\\\\x00]{1,255}");
  private static final Pattern MOUNT_PATH = Pattern.compile("[^\\x00]{1,4096}");
  private static final int MAX_COUNT = 2000;
  private static final int MAX_SECONDS = 86_400;

  private final Map<String, String> env;
  private final EnvReader in;
  private final Optional<String> presetName;
  private final Policy.Builder policy = Policy.builder();

  private String groupId;
  private String albId;
  private Optional<Credentials> credentials = Optional.empty();
  private Duration metricPeriod = Duration.ofSeconds(300);
  private String region;
  private Path tosMountPath;
  private String tosStateFile;
  private boolean dryRun;
  private Optional<URI> webhook = Optional.empty();
  private AlertWebhookFormat webhookFormat;
  private int alertAfter;
  private LogLevel logLevel;
  private boolean detailedLogging;
  private LogFormat logFormat;
  private Duration initialDelay;
  private Duration functionTimeout;
  private CloudMonitorService cloudMonitorService;
  private URI autoscalingEndpoint;
  private URI cloudMonitorEndpoint;
  private QpsMetric qpsMetric;
  private Optional<String> listenerId = Optional.empty();
  private Duration httpTimeout;
  private int apiMaxRetries;

  SettingsParser(Map<String, String> rawEnv) throws ConfigException {
    env = new HashMap<>();
    rawEnv.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            env.put(name, value);
          }
        });
    String requested =
        env.getOrDefault(SCALING_PRESET.envName(), "").strip().toLowerCase(Locale.ROOT);
    presetName = Presets.NAMES.contains(requested) ? Optional.of(requested) : Optional.empty();
    Map<String, String> presetValues =
        presetName.isPresent() ? Presets.load(presetName.get()) : Map.of();
    in = new EnvReader(env, presetValues, requested);
  }

  Settings parse() throws ConfigException {
    in.parsed(
        SCALING_PRESET,
        name -> Optional.of(name).filter(n -> Presets.NAMES.contains(n.toLowerCase(Locale.ROOT))));
    readIdentity();
    readPolicy();
    readCloud();
    readState();
    readAlerting();
    readLoggingAndTiming();
    if (!in.problems().isEmpty()) {
      throw new ConfigException(in.problems());
    }
    Settings settings =
        new Settings(
            groupId,
            albId,
            credentials,
            policy.build(),
            metricPeriod,
            region,
            tosMountPath,
            tosStateFile,
            dryRun,
            webhook,
            webhookFormat,
            alertAfter,
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
            presetName,
            List.of(),
            in.sources());
    return settings.withWarnings(Warnings.collect(settings, env.keySet()));
  }

  private void readIdentity() {
    in.matching(AUTOSCALING_GROUP_ID, GROUP_ID).ifPresent(v -> groupId = v);
    in.matching(ALB_ID, ALB).ifPresent(v -> albId = v);
    Optional<String> accessKey = in.matching(ACCESS_KEY_ID, KEY);
    Optional<String> secretKey = in.matching(SECRET_ACCESS_KEY, KEY);
    if (in.isSet(ACCESS_KEY_ID) != in.isSet(SECRET_ACCESS_KEY)) {
      Variable missing = in.isSet(ACCESS_KEY_ID) ? SECRET_ACCESS_KEY : ACCESS_KEY_ID;
      Variable other = missing == ACCESS_KEY_ID ? SECRET_ACCESS_KEY : ACCESS_KEY_ID;
      in.problem(
          missing,
          "set together with " + other.envName() + " (or leave both empty for role credentials)");
    }
    if (accessKey.isPresent() && secretKey.isPresent()) {
      credentials = Optional.of(Credentials.of(accessKey.get(), secretKey.get()));
    }
  }

  private void readPolicy() {
    in.bool(ENABLE_DYNAMIC_SCALING).ifPresent(policy::dynamicScaling);
    in.decimal(TARGET_QPS_PER_INSTANCE, v -> v > 0).ifPresent(policy::targetQpsPerInstance);
    Optional<Double> up = in.decimal(SCALE_UP_THRESHOLD, v -> v > 0 && v <= 1);
    Optional<Double> down = in.decimal(SCALE_DOWN_THRESHOLD, v -> v > 0 && v <= 1);
    up.ifPresent(policy::scaleUpThreshold);
    down.ifPresent(policy::scaleDownThreshold);
    if (up.isPresent() && down.isPresent() && down.get() >= up.get()) {
      in.problem(
          SCALE_DOWN_THRESHOLD, "a number in (0, 1] below SCALE_UP_THRESHOLD (" + up.get() + ")");
    }
    in.integer(SCALE_UP_INCREMENT, 1, MAX_COUNT).ifPresent(policy::scaleUpIncrement);
    in.integer(SCALE_DOWN_DECREMENT, 1, MAX_COUNT).ifPresent(policy::scaleDownDecrement);
    in.integer(MAX_SCALE_UP_PER_ACTION, 0, MAX_COUNT).ifPresent(policy::maxScaleUpPerAction);
    in.integer(MAX_SCALE_DOWN_PER_ACTION, 0, MAX_COUNT).ifPresent(policy::maxScaleDownPerAction);
    seconds(METRIC_PERIOD, 10, MAX_SECONDS, d -> metricPeriod = d);
    seconds(SCALE_UP_COOLDOWN, 0, MAX_SECONDS, policy::scaleUpCooldown);
    seconds(SCALE_DOWN_COOLDOWN, 0, MAX_SECONDS, policy::scaleDownCooldown);
    seconds(GENERAL_COOLDOWN, 0, MAX_SECONDS, policy::generalCooldown);
    Optional<Double> tolerance = in.decimal(SCALE_TOLERANCE, v -> v >= 0 && v < 1);
    tolerance.ifPresent(policy::scaleTolerance);
    in.decimalOrDerived(
            SCALE_DOWN_TOLERANCE,
            v -> v >= 0 && v < 1,
            tolerance.orElse(Policy.defaults().scaleTolerance()))
        .ifPresent(policy::scaleDownTolerance);
    seconds(UPSCALE_DELAY_SECONDS, 0, MAX_SECONDS, policy::upscaleDelay);
    seconds(DOWNSCALE_DELAY_SECONDS, 0, MAX_SECONDS, policy::downscaleDelay);
    in.decimal(UPSCALING_FACTOR, v -> v > 0 && v <= 10).ifPresent(policy::upscalingFactor);
    in.decimal(DOWNSCALING_FACTOR, v -> v > 0 && v <= 10).ifPresent(policy::downscalingFactor);
    in.parsed(QPS_STATISTIC, SettingsParser::statistic).ifPresent(policy::qpsStatistic);
    seconds(INSTANCE_WARMUP_SECONDS, 0, MAX_SECONDS, policy::instanceWarmup);
    in.decimal(PANIC_THRESHOLD, v -> v == 0 || (v > 1 && v <= 100))
        .ifPresent(policy::panicThreshold);
    seconds(PREDICTIVE_HORIZON_SECONDS, 0, 3600, policy::predictiveHorizon);
    in.decimal(PREDICTIVE_MAX_RATIO, v -> v == 0 || (v >= 1 && v <= 100))
        .ifPresent(policy::predictiveMaxRatio);
    in.integer(PREDICTIVE_MIN_RISES, 0, 10).ifPresent(policy::predictiveMinRises);
    Duration cloudMonitorPeriod = CloudMonitorApi.periodFor(metricPeriod);
    int staleDefault = (int) Policy.defaultMetricStaleAfter(cloudMonitorPeriod).toSeconds();
    in.integerOrDerived(METRIC_STALE_SECONDS, 10, MAX_SECONDS, staleDefault)
        .ifPresent(s -> policy.metricStaleAfter(Duration.ofSeconds(s)));
  }

  private void readCloud() {
    in.matching(REGION, REGION_ID).ifPresent(v -> region = v);
    in.parsed(CLOUDMONITOR_SERVICE, CloudMonitorService::fromServiceName)
        .ifPresent(v -> cloudMonitorService = v);
    Optional<URI> autoscalingOverride = in.parsed(AUTOSCALING_ENDPOINT, Urls::endpoint);
    Optional<URI> cloudMonitorOverride = in.parsed(CLOUDMONITOR_ENDPOINT, Urls::endpoint);
    if (region != null) {
      autoscalingEndpoint =
          autoscalingOverride.orElse(Urls.derivedEndpoint("auto-scaling", region));
      if (cloudMonitorService != null) {
        cloudMonitorEndpoint =
            cloudMonitorOverride.orElse(
                Urls.derivedEndpoint(cloudMonitorService.hostPrefix(), region));
      }
    }
    in.parsed(QPS_METRIC, QpsMetric::fromMetricName).ifPresent(v -> qpsMetric = v);
    listenerId = in.matching(LISTENER_ID, LISTENER);
    if (qpsMetric == QpsMetric.LISTENER_QPS && !in.isSet(LISTENER_ID)) {
      in.problem(LISTENER_ID, "lsn- followed by letters or digits (required with listener_qps)");
    }
    in.integer(HTTP_TIMEOUT_MS, 100, 60_000).ifPresent(v -> httpTimeout = Duration.ofMillis(v));
    in.integer(API_MAX_RETRIES, 0, 10).ifPresent(v -> apiMaxRetries = v);
  }

  private void readState() {
    in.matching(TOS_MOUNT_PATH, MOUNT_PATH).ifPresent(v -> tosMountPath = Path.of(v));
    in.parsed(
            TOS_STATE_FILE,
            name ->
                STATE_FILE_NAME.matcher(name).matches() && !".".equals(name) && !"..".equals(name)
                    ? Optional.of(name)
                    : Optional.empty())
        .ifPresent(v -> tosStateFile = v);
    in.bool(DRY_RUN_MODE).ifPresent(v -> dryRun = v);
  }

  private void readAlerting() {
    webhook = in.parsed(ALERT_WEBHOOK_URL, Urls::webhook);
    in.parsed(ALERT_WEBHOOK_FORMAT, AlertWebhookFormat::fromWireName)
        .ifPresent(v -> webhookFormat = v);
    in.integer(ALERT_AFTER_CONSECUTIVE_ERRORS, 1, 1000).ifPresent(v -> alertAfter = v);
  }

  private void readLoggingAndTiming() {
    in.parsed(LOG_LEVEL, LogLevel::fromName).ifPresent(v -> logLevel = v);
    in.bool(ENABLE_DETAILED_LOGGING).ifPresent(v -> detailedLogging = v);
    in.parsed(LOG_FORMAT, LogFormat::fromWireName).ifPresent(v -> logFormat = v);
    seconds(FAAS_FUNC_TIMEOUT, 1, 900, v -> functionTimeout = v);
    seconds(INITIAL_DELAY_SECONDS, 0, MAX_SECONDS, v -> initialDelay = v);
    if (in.ok(INITIAL_DELAY_SECONDS, FAAS_FUNC_TIMEOUT)
        && initialDelay.compareTo(functionTimeout) >= 0) {
      in.problem(
          INITIAL_DELAY_SECONDS,
          "seconds, an integer 0.."
              + (functionTimeout.toSeconds() - 1)
              + " (below the function timeout "
              + FAAS_FUNC_TIMEOUT.envName()
              + "="
              + functionTimeout.toSeconds()
              + ")");
    }
  }

  private void seconds(Variable variable, int min, int max, Consumer<Duration> sink) {
    in.integer(variable, min, max).ifPresent(v -> sink.accept(Duration.ofSeconds(v)));
  }

  private static Optional<QpsStatistic> statistic(String name) {
    try {
      return Optional.of(QpsStatistic.parse(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
