package io.albqps.config;

import io.albqps.engine.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings that are allowed but probably wrong: each warning names the variable, says what will
 * happen, and what to do instead. Returned with the settings and logged once at start.
 */
final class Warnings {
  private static final List<String> KNOWN_NAMES =
      Arrays.stream(Variable.values()).map(Variable::envName).toList();

  private Warnings() {}

  static List<String> collect(Settings settings, Set<String> envNames) {
    List<String> warnings = new ArrayList<>();
    metricPeriod(settings.metricPeriod(), warnings);
    delays(settings.policy(), settings.metricPeriod(), warnings);
    staticThrash(settings.policy()).ifPresent(warnings::add);
    predictiveHorizon(settings.policy(), settings.metricPeriod(), warnings);
    staleness(settings, warnings);
    unused(settings, warnings);
    placeholders(settings, warnings);
    envNames.stream()
        .sorted()
        .forEach(
            name ->
                DidYouMean.suggest(name, KNOWN_NAMES)
                    .ifPresent(
                        known ->
                            warnings.add(
                                name
                                    + " is not a setting and is ignored; did you mean "
                                    + known
                                    + "?")));
    return warnings;
  }

  private static void metricPeriod(Duration period, List<String> warnings) {
    long seconds = period.toSeconds();
    if (seconds < 30) {
      warnings.add(
          "METRIC_PERIOD="
              + seconds
              + " is far below 60 s: ALB metrics may not exist at sub-minute granularity, so most"
              + " windows will hold one point or none and the autoscaler will mostly hold;"
              + " strongly consider 60 or more");
    } else if (seconds < 60) {
      warnings.add(
          "METRIC_PERIOD="
              + seconds
              + " is below 60 s: ALB metrics may not exist at sub-minute granularity; expect"
              + " windows with few points (partial data blocks scale-downs)");
    }
  }

  /** Ray issue #26455: a delay shorter than the averaging window makes replicas start and stop. */
  private static void delays(Policy policy, Duration lookBack, List<String> warnings) {
    delay("UPSCALE_DELAY_SECONDS", policy.upscaleDelay(), lookBack, warnings);
    delay("DOWNSCALE_DELAY_SECONDS", policy.downscaleDelay(), lookBack, warnings);
  }

  private static void delay(String name, Duration delay, Duration lookBack, List<String> warnings) {
    if (!delay.isZero() && delay.compareTo(lookBack) < 0) {
      warnings.add(
          name
              + "="
              + delay.toSeconds()
              + " is shorter than the look-back window METRIC_PERIOD="
              + lookBack.toSeconds()
              + ": the window still remembers the load that caused the last move, so the"
              + " group can thrash until the average settles (Ray issue #26455); use 0 or at"
              + " least "
              + lookBack.toSeconds());
    }
  }

  /**
   * Static mode flaps when one step crosses both thresholds. Going up from {@code c} instances at
   * per-instance load just above {@code target·up}, the load becomes {@code target·up·c/(c+inc)};
   * that is below {@code target·down} exactly when {@code c·(up − down) < down·inc}, so a load in
   * between scales up, then down, then up again. Likewise a step down from {@code c} overshoots the
   * up threshold when {@code c·(up − down) < up·dec} (and {@code c − dec ≥ 1}). Every group size
   * below those bounds can oscillate; the warning names the largest.
   */
  static Optional<String> staticThrash(Policy policy) {
    if (policy.dynamicScaling()) {
      return Optional.empty();
    }
    double up = policy.scaleUpThreshold();
    double down = policy.scaleDownThreshold();
    double gap = up - down;
    long upFlapsBelow = largestBelow(down * policy.scaleUpIncrement() / gap);
    long downFlapsBelow = largestBelow(up * policy.scaleDownDecrement() / gap);
    if (downFlapsBelow < policy.scaleDownDecrement() + 1) {
      downFlapsBelow = 0;
    }
    long largest = Math.max(upFlapsBelow, downFlapsBelow);
    if (largest < 1) {
      return Optional.empty();
    }
    return Optional.of(
        "static mode (ENABLE_DYNAMIC_SCALING=false) can flap at groups of up to "
            + largest
            + " instances: with SCALE_UP_THRESHOLD="
            + up
            + ", SCALE_DOWN_THRESHOLD="
            + down
            + ", SCALE_UP_INCREMENT="
            + policy.scaleUpIncrement()
            + " and SCALE_DOWN_DECREMENT="
            + policy.scaleDownDecrement()
            + ", one step moves the QPS per instance across the other threshold (a group of c"
            + " flaps when c x (up - down) < down x increment or < up x decrement); widen the"
            + " gap between the thresholds, use smaller steps, or use dynamic scaling");
  }

  /**
   * The largest integer strictly below {@code bound}, at least 0; a bound that is an integer up to
   * rounding (0.6 / 0.2) counts as that integer, since the flap interval is empty there.
   */
  private static long largestBelow(double bound) {
    if (!(bound > 0)) {
      return 0;
    }
    double ceil = Math.ceil(bound - 1e-9);
    return Math.max(0, (long) Math.min(ceil - 1, Integer.MAX_VALUE));
  }

  private static void predictiveHorizon(Policy policy, Duration lookBack, List<String> warnings) {
    Duration horizon = policy.predictiveHorizon();
    if (horizon.compareTo(lookBack.multipliedBy(2)) > 0) {
      warnings.add(
          "PREDICTIVE_HORIZON_SECONDS="
              + horizon.toSeconds()
              + " extrapolates more than twice the look-back window METRIC_PERIOD="
              + lookBack.toSeconds()
              + ": a slope fitted on a few points amplifies noise into scale-ups; keep it at"
              + " most "
              + lookBack.multipliedBy(2).toSeconds());
    }
  }

  private static void staleness(Settings settings, List<String> warnings) {
    Duration stale = settings.policy().metricStaleAfter();
    Duration minimum = settings.cloudMonitorPeriod().plusSeconds(60);
    if (stale.compareTo(minimum) < 0) {
      warnings.add(
          "METRIC_STALE_SECONDS="
              + stale.toSeconds()
              + " is less than one CloudMonitor period ("
              + settings.cloudMonitorPeriod().toSeconds()
              + " s) plus a minute of ingestion lag: many evaluations will see no fresh point"
              + " and hold; use at least "
              + minimum.toSeconds());
    }
  }

  private static void unused(Settings settings, List<String> warnings) {
    if (settings.qpsMetric() != QpsMetric.LISTENER_QPS && settings.listenerId().isPresent()) {
      warnings.add("LISTENER_ID is ignored: it is only read with QPS_METRIC=listener_qps");
    }
    boolean chatFormat = settings.alertWebhookFormat() != AlertWebhookFormat.JSON;
    if (chatFormat && settings.alertWebhookUrl().isEmpty()) {
      warnings.add("ALERT_WEBHOOK_FORMAT is ignored: no ALERT_WEBHOOK_URL is set");
    }
  }

  private static void placeholders(Settings settings, List<String> warnings) {
    for (Variable variable :
        List.of(Variable.AUTOSCALING_GROUP_ID, Variable.ALB_ID, Variable.ACCESS_KEY_ID)) {
      String shown = settings.source(variable).shownValue();
      if (shown.contains("xxxxxx") || shown.contains("XXXXXX")) {
        warnings.add(variable.envName() + "=" + shown + " looks like the .env.example placeholder");
      }
    }
  }
}
