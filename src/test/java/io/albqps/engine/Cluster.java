package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A minimal closed loop for multi-evaluation tests: every {@code step} it shows an autoscaler the
 * demand of the last minute, applies its decision at once (instances serve immediately) and records
 * the executed action in the state, as the function's executor does.
 */
final class Cluster {
  private final Autoscaler autoscaler;
  private final int min;
  private final int max;
  private int desired;
  private ScalerState state = ScalerState.INITIAL;
  private final List<Decision> decisions = new ArrayList<>();

  Cluster(Autoscaler autoscaler, int min, int max, int desired) {
    this.autoscaler = autoscaler;
    this.min = min;
    this.max = max;
    this.desired = desired;
  }

  /**
   * Runs evaluations at {@code start + k × step} for {@code k < count}; {@code demand} maps seconds
   * since start to QPS. Returns the desired capacity after each evaluation.
   */
  List<Integer> run(DoubleUnaryOperator demand, Duration step, int count) {
    Instant start = Obs.NOW;
    List<Integer> sizes = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      Instant now = start.plus(step.multipliedBy(k));
      double seconds = Duration.between(start, now).toSeconds();
      Observation obs =
          Obs.qps(demand.applyAsDouble(seconds))
              .at(now)
              .points(1)
              .window(Duration.ofMinutes(1))
              .bounds(min, max)
              .desired(desired)
              .build();
      Decision decision = autoscaler.decide(obs, state, now);
      decisions.add(decision);
      state = decision.nextState().afterAction(decision.action(), now);
      desired = decision.newDesired();
      sizes.add(desired);
    }
    return sizes;
  }

  List<Decision> decisions() {
    return decisions;
  }

  /** The evaluations (0-based) at which the capacity changed. */
  List<Integer> actionIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      if (decisions.get(i).changesCapacity()) {
        indexes.add(i);
      }
    }
    return indexes;
  }
}
