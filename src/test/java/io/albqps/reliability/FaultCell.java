package io.albqps.reliability;

import io.albqps.emulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cell of the fault matrix: a call of the evaluation, a fault on it, whether the fault hits
 * once or every call, and the load's direction; with the outcome the function must produce.
 */
record FaultCell(
    String call, FaultKind fault, Persistence persistence, Direction direction, Outcome expected) {

  static final List<String> READS =
      List.of(
          "GetMetricData",
          "DescribeScalingGroups",
          "DescribeScalingInstances",
          "DescribeScalingActivities");
  static final String WRITE = "ModifyScalingGroup";

  /** Every fault the matrix injects, with how the function must treat it. */
  enum FaultKind {
    HTTP_429("429 FlowLimitExceeded", true, false),
    HTTP_500("500 InternalError", true, false),
    HTTP_503("503 ServiceUnavailableTemp", true, false),
    LATENCY("latency past the timeout", true, false),
    DROP("dropped connection", true, false),
    MALFORMED("malformed JSON", false, false),
    ERROR_ON_200("error envelope on HTTP 200", false, false),
    SIGNATURE("signature rejected (wrong secret)", false, false),
    CLOCK_SKEW("clock skew (X-Date 20 min off)", false, false),
    EMPTY_POINTS("empty points", false, true),
    STALE_POINTS("stale points", false, true),
    PARTIAL_POINTS("partial points", false, true);

    final String label;
    final boolean retryable;
    final boolean dataShape;

    FaultKind(String label, boolean retryable, boolean dataShape) {
      this.label = label;
      this.retryable = retryable;
      this.dataShape = dataShape;
    }

    /** The emulator fault, or empty for the two that a badly signing client produces. */
    Optional<Fault> emulatorFault() {
      return switch (this) {
        case HTTP_429 -> Optional.of(Fault.throttled());
        case HTTP_500 -> Optional.of(Fault.internalError());
        case HTTP_503 -> Optional.of(Fault.unavailable());
        // Long past all attempts (Rig.TIMEOUT x (1 + Rig.RETRIES)): the emulator applies a
        // delayed modify once it wakes, which must be after the cell checked the modify log.
        // Closing the emulator interrupts the sleep, so this costs no real time.
        case LATENCY -> Optional.of(Fault.latency(Duration.ofSeconds(10)));
        case DROP -> Optional.of(Fault.dropConnection());
        case MALFORMED -> Optional.of(Fault.malformedJson());
        case ERROR_ON_200 -> Optional.of(Fault.errorOn200("InternalError"));
        case EMPTY_POINTS -> Optional.of(Fault.emptyPoints());
        case STALE_POINTS -> Optional.of(Fault.stalePoints(Duration.ofMinutes(5)));
        case PARTIAL_POINTS -> Optional.of(Fault.partialPoints());
        case SIGNATURE, CLOCK_SKEW -> Optional.empty();
      };
    }
  }

  enum Persistence {
    ONCE("once"),
    ALWAYS("every call");

    final String label;

    Persistence(String label) {
      this.label = label;
    }
  }

  /** The load: one that calls for a scale-up (2 → 10) or a scale-down (6 → 2). */
  enum Direction {
    UP(2, 480, 10),
    DOWN(6, 100, 2);

    final int initialDesired;
    final double qps;
    final int target;

    Direction(int initialDesired, double qps, int target) {
      this.initialDesired = initialDesired;
      this.qps = qps;
      this.target = target;
    }
  }

  /** What the function must do. */
  enum Outcome {
    RETRY_THEN_ACT("retry → act", "200, the action", "action alert"),
    HOLD_ERROR("hold (error)", "500 naming the call", "error alert"),
    HOLD_THEN_RECOVER(
        "hold (error), next run acts", "500 naming the call, then 200", "error, then action"),
    HOLD_NO_DATA(
        "hold",
        "200 `metrics_unavailable`",
        "one alert when N in a row (N = 1 here), counted in `consecutive_errors`"),
    ACT_UP_ONLY("act (scale-up only)", "200, the action", "action alert"),
    HOLD_PARTIAL("hold", "200 `metrics_partial`", "none");

    final String label;
    final String response;
    final String alert;

    Outcome(String label, String response, String alert) {
      this.label = label;
      this.response = response;
      this.alert = alert;
    }
  }

  boolean atWrite() {
    return call.equals(WRITE);
  }

  @Override
  public String toString() {
    return call
        + " × "
        + fault.label
        + (fault.dataShape ? "" : " " + persistence.label)
        + ", load calls for scale-"
        + direction.name().toLowerCase(java.util.Locale.ROOT)
        + " → "
        + expected.label;
  }

  /** Every cell, with its expected outcome from the rules of DESIGN §3 (retries) and §4 (data). */
  static List<FaultCell> all() {
    List<FaultCell> cells = new ArrayList<>();
    for (String call : calls()) {
      for (FaultKind fault : FaultKind.values()) {
        if (fault.dataShape && !call.equals("GetMetricData")) {
          continue;
        }
        for (Persistence persistence :
            fault.dataShape ? List.of(Persistence.ALWAYS) : List.of(Persistence.values())) {
          for (Direction direction : Direction.values()) {
            cells.add(
                new FaultCell(
                    call, fault, persistence, direction, expected(fault, persistence, direction)));
          }
        }
      }
    }
    return cells;
  }

  static List<String> calls() {
    List<String> calls = new ArrayList<>(READS);
    calls.add(WRITE);
    return calls;
  }

  private static Outcome expected(FaultKind fault, Persistence persistence, Direction direction) {
    return switch (fault) {
      case EMPTY_POINTS, STALE_POINTS -> Outcome.HOLD_NO_DATA;
      case PARTIAL_POINTS -> direction == Direction.UP ? Outcome.ACT_UP_ONLY : Outcome.HOLD_PARTIAL;
      default -> {
        if (persistence == Persistence.ALWAYS) {
          yield Outcome.HOLD_ERROR;
        }
        yield fault.retryable ? Outcome.RETRY_THEN_ACT : Outcome.HOLD_THEN_RECOVER;
      }
    };
  }
}
