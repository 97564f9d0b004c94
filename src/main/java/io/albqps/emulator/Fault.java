package io.albqps.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One way a call can go wrong, as injected by {@link Faults}: an error status with its BytePlus
 * code, latency before the normal reply, a dropped connection, a malformed body, an error envelope
 * on HTTP 200, or (GetMetricData only) empty, stale or partial data points.
 *
 * @param httpStatus the status of an {@code ERROR_STATUS} or {@code ERROR_ON_200} fault (200)
 * @param errorCode the envelope's {@code Error.Code} for those two kinds, else empty
 * @param duration the latency, or the minimum age of the points a {@code STALE_POINTS} fault keeps
 */
public record Fault(Kind kind, int httpStatus, String errorCode, Duration duration) {

  /** What the fault does. */
  public enum Kind {
    ERROR_STATUS(false),
    LATENCY(false),
    DROP_CONNECTION(false),
    MALFORMED_JSON(false),
    ERROR_ON_200(false),
    EMPTY_POINTS(true),
    STALE_POINTS(true),
    PARTIAL_POINTS(true);

    private final boolean metricDataOnly;

    Kind(boolean metricDataOnly) {
      this.metricDataOnly = metricDataOnly;
    }

    /**
     * True for the kinds that shape CloudMonitor data points and so apply to GetMetricData only.
     */
    public boolean metricDataOnly() {
      return metricDataOnly;
    }
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("fault duration: expected >= 0, got " + duration);
    }
    if (kind == Kind.ERROR_STATUS && (httpStatus < 400 || httpStatus > 599)) {
      throw new IllegalArgumentException("fault status: expected 400..599, got " + httpStatus);
    }
  }

  /** HTTP 429 {@code FlowLimitExceeded}: BytePlus throttling. */
  public static Fault throttled() {
    return error(429, "FlowLimitExceeded");
  }

  /** HTTP 500 {@code InternalError}. */
  public static Fault internalError() {
    return error(500, "InternalError");
  }

  /** HTTP 503 {@code ServiceUnavailableTemp}. */
  public static Fault unavailable() {
    return error(503, "ServiceUnavailableTemp");
  }

  /** The gateway's error for {@code status}: 429, 500, 502, 503 or 504 (reference §3.6). */
  public static Fault status(int status) {
    return switch (status) {
      case 429 -> throttled();
      case 500 -> internalError();
      case 502 -> error(502, "FailToConnect");
      case 503 -> unavailable();
      case 504 -> error(504, "InternalServiceTimeout");
      default ->
          throw new IllegalArgumentException(
              "fault status: expected 429, 500, 502, 503 or 504, got " + status);
    };
  }

  /** Any error status with any code. */
  public static Fault error(int status, String errorCode) {
    return new Fault(Kind.ERROR_STATUS, status, errorCode, Duration.ZERO);
  }

  /** Waits {@code delay} on the server thread, then answers normally (for client timeouts). */
  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, 200, "", delay);
  }

  /** Closes the connection without any response. */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP_CONNECTION, 200, "", Duration.ZERO);
  }

  /** HTTP 200 with a truncated JSON body. */
  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, 200, "", Duration.ZERO);
  }

  /** HTTP 200 whose envelope carries {@code ResponseMetadata.Error} with {@code errorCode}. */
  public static Fault errorOn200(String errorCode) {
    return new Fault(Kind.ERROR_ON_200, 200, errorCode, Duration.ZERO);
  }

  /** GetMetricData answers with empty {@code DataPoints}. */
  public static Fault emptyPoints() {
    return new Fault(Kind.EMPTY_POINTS, 200, "", Duration.ZERO);
  }

  /** GetMetricData keeps only points whose period started at least {@code olderThan} ago. */
  public static Fault stalePoints(Duration olderThan) {
    return new Fault(Kind.STALE_POINTS, 200, "", olderThan);
  }

  /** GetMetricData drops every second point. */
  public static Fault partialPoints() {
    return new Fault(Kind.PARTIAL_POINTS, 200, "", Duration.ZERO);
  }

  /**
   * Parses a fault kind as the command line writes it: {@code 429}, {@code 500}, {@code 502},
   * {@code 503}, {@code 504}, {@code latency-5s}, {@code drop}, {@code malformed}, {@code
   * error200}, {@code empty}, {@code stale-600s}, {@code partial}.
   */
  public static Fault parse(String text) {
    String kind = text.strip();
    if (kind.matches("\\d{3}")) {
      return status(Integer.parseInt(kind));
    }
    if (kind.startsWith("latency-")) {
      return latency(Durations.parse("latency", kind.substring("latency-".length())));
    }
    if (kind.startsWith("stale-")) {
      return stalePoints(Durations.parse("stale", kind.substring("stale-".length())));
    }
    return switch (kind) {
      case "drop" -> dropConnection();
      case "malformed" -> malformedJson();
      case "error200" -> errorOn200("InternalError");
      case "empty" -> emptyPoints();
      case "partial" -> partialPoints();
      default ->
          throw new IllegalArgumentException(
              "fault: expected 429|500|502|503|504|latency-<5s>|drop|malformed|error200|empty|"
                  + "stale-<600s>|partial, got "
                  + text);
    };
  }
}
