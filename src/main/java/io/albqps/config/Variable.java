package io.albqps.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Every environment variable the autoscaler reads, with its default, allowed range and meaning: the
 * one catalogue that parsing, {@code validate}, "did you mean" hints and the docs share.
 */
public enum Variable {
  AUTOSCALING_GROUP_ID(
      Presence.REQUIRED,
      null,
      "scg- followed by letters or digits",
      "the AutoScaling Group whose desired capacity is set"),
  ALB_ID(
      Presence.REQUIRED,
      null,
      "alb- followed by letters or digits",
      "the ALB whose requests per second drive scaling"),
  ACCESS_KEY_ID(
      Presence.OPTIONAL,
      "",
      "an access key id, set together with SECRET_ACCESS_KEY; empty = role credentials",
      "API access key; leave both keys empty to use the function's role credentials"),
  SECRET_ACCESS_KEY(
      Presence.OPTIONAL,
      "",
      "a secret key, set together with ACCESS_KEY_ID; empty = role credentials",
      "API secret key; never logged or shown",
      Masking.SECRET),
  SCALING_PRESET(
      Presence.OPTIONAL,
      "",
      "basic, aggressive-upscale, conservative-downscale, production, cost-optimized,"
          + " latency-optimized or legacy; empty = none",
      "a named set of scaling settings; explicit variables override it"),
  TARGET_QPS_PER_INSTANCE(
      Presence.DEFAULTED, "50", "a number > 0", "requests per second one instance serves well"),
  ENABLE_DYNAMIC_SCALING(
      Presence.DEFAULTED,
      "true",
      "true or false",
      "proportional sizing (ceil(qps / target)) instead of static threshold steps",
      Masking.NONE,
      true),
  SCALE_UP_THRESHOLD(
      Presence.DEFAULTED,
      "0.8",
      "a number in (0, 1]",
      "static mode: add a step when QPS per instance > target x this",
      Masking.NONE,
      true),
  SCALE_DOWN_THRESHOLD(
      Presence.DEFAULTED,
      "0.6",
      "a number in (0, 1], below SCALE_UP_THRESHOLD",
      "static mode: remove a step when QPS per instance < target x this",
      Masking.NONE,
      true),
  SCALE_UP_INCREMENT(
      Presence.DEFAULTED,
      "1",
      "an integer 1..2000",
      "static mode: instances added per step",
      Masking.NONE,
      true),
  SCALE_DOWN_DECREMENT(
      Presence.DEFAULTED,
      "1",
      "an integer 1..2000",
      "static mode: instances removed per step",
      Masking.NONE,
      true),
  MAX_SCALE_UP_PER_ACTION(
      Presence.DEFAULTED,
      "0",
      "an integer 0..2000 (0 = unlimited)",
      "most instances added by one action",
      Masking.NONE,
      true),
  MAX_SCALE_DOWN_PER_ACTION(
      Presence.DEFAULTED,
      "0",
      "an integer 0..2000 (0 = unlimited)",
      "most instances removed by one action",
      Masking.NONE,
      true),
  METRIC_PERIOD(
      Presence.DEFAULTED,
      "300",
      "seconds, an integer 10..86400",
      "look-back window of QPS points; sets the CloudMonitor period",
      Masking.NONE,
      true),
  SCALE_UP_COOLDOWN(
      Presence.DEFAULTED,
      "300",
      "seconds, an integer 0..86400",
      "wait after a scale-up before the next scale-up",
      Masking.NONE,
      true),
  SCALE_DOWN_COOLDOWN(
      Presence.DEFAULTED,
      "600",
      "seconds, an integer 0..86400",
      "wait after a scale-down before the next scale-down",
      Masking.NONE,
      true),
  GENERAL_COOLDOWN(
      Presence.DEFAULTED,
      "180",
      "seconds, an integer 0..86400",
      "wait after any action before any other",
      Masking.NONE,
      true),
  SCALE_TOLERANCE(
      Presence.DEFAULTED,
      "0.1",
      "a number in [0, 1)",
      "dynamic mode: hold while |qps / (target x current) - 1| <= this",
      Masking.NONE,
      true),
  UPSCALE_DELAY_SECONDS(
      Presence.DEFAULTED,
      "0",
      "seconds, an integer 0..86400",
      "scale up to the lowest recommendation seen over this window",
      Masking.NONE,
      true),
  DOWNSCALE_DELAY_SECONDS(
      Presence.DEFAULTED,
      "600",
      "seconds, an integer 0..86400",
      "scale down to the highest recommendation seen over this window",
      Masking.NONE,
      true),
  UPSCALING_FACTOR(
      Presence.DEFAULTED,
      "1.0",
      "a number in (0, 10]",
      "move this fraction of the way up to the recommendation",
      Masking.NONE,
      true),
  DOWNSCALING_FACTOR(
      Presence.DEFAULTED,
      "1.0",
      "a number in (0, 10]",
      "move this fraction of the way down to the recommendation (at least 1)",
      Masking.NONE,
      true),
  QPS_STATISTIC(
      Presence.DEFAULTED,
      "mean",
      "mean, max, latest or p90",
      "how the look-back window's points become one QPS",
      Masking.NONE,
      true),
  INSTANCE_WARMUP_SECONDS(
      Presence.DEFAULTED,
      "0",
      "seconds, an integer 0..86400",
      "scale-down waits until every instance is InService and at least this old",
      Masking.NONE,
      true),
  PANIC_THRESHOLD(
      Presence.DEFAULTED,
      "0",
      "0 (off) or a number in (1, 100]",
      "at qps / (InService x target) >= this, skip the upscale delay and up/general cooldowns",
      Masking.NONE,
      true),
  PREDICTIVE_HORIZON_SECONDS(
      Presence.DEFAULTED,
      "0",
      "seconds, an integer 0..3600 (0 = off)",
      "scale up for the QPS extrapolated this far ahead (never down)",
      Masking.NONE,
      true),
  SCALE_DOWN_TOLERANCE(
      Presence.DERIVED,
      "SCALE_TOLERANCE",
      "a number in [0, 1)",
      "dynamic mode: a lower load holds while 1 - qps / (target x current) <= this",
      Masking.NONE,
      true),
  PREDICTIVE_MAX_RATIO(
      Presence.DEFAULTED,
      "0",
      "0 (uncapped) or a number in [1, 100]",
      "the predicted QPS is at most this multiple of the window's statistic",
      Masking.NONE,
      true),
  PREDICTIVE_MIN_RISES(
      Presence.DEFAULTED,
      "0",
      "an integer 0..10 (0 = always)",
      "extrapolate the trend only while each of the window's last this many point-to-point"
          + " changes is a rise",
      Masking.NONE,
      true),
  METRIC_STALE_SECONDS(
      Presence.DERIVED,
      "max(60, CloudMonitor period) + 120",
      "seconds, an integer 10..86400",
      "no data when the newest point's period ended longer ago than this",
      Masking.NONE,
      true),
  REGION(
      Presence.DEFAULTED,
      "ap-southeast-1",
      "a region id such as ap-southeast-1",
      "BytePlus region of the group and the ALB"),
  CLOUDMONITOR_SERVICE(
      Presence.DEFAULTED,
      "cloudmonitor",
      "cloudmonitor or volc_observe",
      "service name (and host) CloudMonitor requests are signed for"),
  AUTOSCALING_ENDPOINT(
      Presence.OPTIONAL,
      "",
      "an https URL without a path (http only on loopback); empty = derived from REGION",
      "AutoScaling API endpoint override, e.g. the local emulator"),
  CLOUDMONITOR_ENDPOINT(
      Presence.OPTIONAL,
      "",
      "an https URL without a path (http only on loopback); empty = derived from REGION",
      "CloudMonitor API endpoint override, e.g. the local emulator"),
  QPS_METRIC(
      Presence.DEFAULTED,
      "load_balancer_qps",
      "load_balancer_qps or listener_qps",
      "which ALB metric is the load"),
  LISTENER_ID(
      Presence.OPTIONAL,
      "",
      "lsn- followed by letters or digits; required with QPS_METRIC=listener_qps",
      "the listener whose QPS is read with listener_qps"),
  HTTP_TIMEOUT_MS(
      Presence.DEFAULTED, "3000", "milliseconds, an integer 100..60000", "timeout of one API call"),
  API_MAX_RETRIES(
      Presence.DEFAULTED,
      "3",
      "an integer 0..10",
      "retries on throttling, 5xx and transport errors"),
  TOS_MOUNT_PATH(
      Presence.DEFAULTED,
      "/tosmount",
      "a directory path",
      "where the TOS bucket holding the state file is mounted"),
  TOS_STATE_FILE(
      Presence.DEFAULTED,
      "scaling_state.json",
      "a file name without / or \\",
      "state file name inside TOS_MOUNT_PATH"),
  DRY_RUN_MODE(
      Presence.DEFAULTED,
      "false",
      "true or false",
      "decide and report, but never change the group"),
  ALERT_WEBHOOK_URL(
      Presence.OPTIONAL,
      "",
      "an https URL (http only on loopback); empty = no alerts",
      "webhook that receives actions and repeated errors",
      Masking.URL_PATH),
  ALERT_WEBHOOK_FORMAT(
      Presence.DEFAULTED, "json", "json, lark or slack", "payload shape of the webhook"),
  ALERT_AFTER_CONSECUTIVE_ERRORS(
      Presence.DEFAULTED,
      "3",
      "an integer 1..1000",
      "alert when this many evaluations in a row failed"),
  LOG_LEVEL(
      Presence.DEFAULTED,
      "INFO",
      "TRACE, DEBUG, INFO, WARN (or WARNING) or ERROR",
      "least severe level logged"),
  ENABLE_DETAILED_LOGGING(
      Presence.DEFAULTED, "false", "true or false", "log every input and number of a decision"),
  LOG_FORMAT(
      Presence.DEFAULTED,
      "auto",
      "json, text or auto",
      "log line format; auto = text on a terminal, else JSON"),
  INITIAL_DELAY_SECONDS(
      Presence.DEFAULTED,
      "0",
      "seconds, an integer >= 0 and below the function timeout",
      "sleep before a timer evaluation (staggered copies: 0, 15, 30, 45)"),
  FAAS_FUNC_TIMEOUT(
      "_FAAS_FUNC_TIMEOUT",
      Presence.DEFAULTED,
      "900",
      "seconds, an integer 1..900",
      "the function's timeout, set by veFaaS; bounds INITIAL_DELAY_SECONDS");

  /** Whether a variable must be set, may be empty, or falls back to a default. */
  public enum Presence {
    /** Must be set to a non-empty value. */
    REQUIRED,
    /** May be unset or empty; empty means unset. */
    OPTIONAL,
    /** Has a fixed default; an explicitly empty value is an error. */
    DEFAULTED,
    /** Has a default computed from other settings; an explicitly empty value is an error. */
    DERIVED
  }

  /** How a value may be shown in output and errors. */
  enum Masking {
    NONE,
    /** {@code ****} and the last two characters (all masked when shorter than eight). */
    SECRET,
    /** Scheme and host shown, path and query masked: webhook URLs embed their token. */
    URL_PATH
  }

  private static final String MASK = "****";
  private static final int MIN_LENGTH_TO_SHOW_TAIL = 8;

  private final String envName;
  private final Presence presence;
  private final String defaultValue;
  private final String allowed;
  private final String meaning;
  private final Masking masking;
  private final boolean presettable;

  Variable(Presence presence, String defaultValue, String allowed, String meaning) {
    this(null, presence, defaultValue, allowed, meaning, Masking.NONE, false);
  }

  Variable(String envName, Presence presence, String defaultValue, String allowed, String meaning) {
    this(envName, presence, defaultValue, allowed, meaning, Masking.NONE, false);
  }

  Variable(
      Presence presence, String defaultValue, String allowed, String meaning, Masking masking) {
    this(null, presence, defaultValue, allowed, meaning, masking, false);
  }

  Variable(
      Presence presence,
      String defaultValue,
      String allowed,
      String meaning,
      Masking masking,
      boolean presettable) {
    this(null, presence, defaultValue, allowed, meaning, masking, presettable);
  }

  Variable(
      String envName,
      Presence presence,
      String defaultValue,
      String allowed,
      String meaning,
      Masking masking,
      boolean presettable) {
    this.envName = envName == null ? name() : envName;
    this.presence = presence;
    this.defaultValue = defaultValue;
    this.allowed = allowed;
    this.meaning = meaning;
    this.masking = masking;
    this.presettable = presettable;
  }

  /** The environment variable's name. */
  public String envName() {
    return envName;
  }

  public Presence presence() {
    return presence;
  }

  /**
   * The default as documented: a value, empty for optional variables, a formula for derived ones,
   * nothing for required ones.
   */
  public Optional<String> documentedDefault() {
    return Optional.ofNullable(defaultValue);
  }

  /** What values are allowed, in words. */
  public String allowed() {
    return allowed;
  }

  /** What the variable does, in a few words. */
  public String meaning() {
    return meaning;
  }

  /** Whether a preset file may set it (the scaling behaviour, never identities or secrets). */
  public boolean presettable() {
    return presettable;
  }

  /** Whether its value is masked wherever it is shown. */
  public boolean masked() {
    return masking != Masking.NONE;
  }

  /** The variable with this environment name, if it is one of ours. */
  public static Optional<Variable> byEnvName(String name) {
    for (Variable variable : values()) {
      if (variable.envName.equals(name)) {
        return Optional.of(variable);
      }
    }
    return Optional.empty();
  }

  /** {@code raw} as it may appear in output, logs and errors. */
  public String show(String raw) {
    return switch (masking) {
      case NONE -> raw;
      case SECRET -> maskSecret(raw);
      case URL_PATH -> maskUrlPath(raw);
    };
  }

  static String maskSecret(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    return raw.length() < MIN_LENGTH_TO_SHOW_TAIL ? MASK : MASK + raw.substring(raw.length() - 2);
  }

  private static String maskUrlPath(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    try {
      URI uri = new URI(raw);
      if (uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null) {
        String origin =
            uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return origin + "/" + maskSecret(raw.substring(origin.length()));
      }
    } catch (URISyntaxException ignored) {
      // Not a URL: mask it whole below, since we cannot tell which part is the token.
    }
    return maskSecret(raw);
  }
}
