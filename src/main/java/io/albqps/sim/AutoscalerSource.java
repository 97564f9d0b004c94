package io.albqps.sim;

import io.albqps.engine.Autoscaler;
import io.albqps.engine.Decision;
import io.albqps.engine.ScalerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Engine mode: calls a policy directly on what the function would observe and records an executed
 * action in the state ({@link ScalerState#afterAction}) as the function does after a successful
 * ModifyScalingGroup.
 */
public final class AutoscalerSource implements DecisionSource {
  private final Autoscaler autoscaler;
  private final Duration interval;
  private final Duration lookBack;
  private ScalerState state = ScalerState.INITIAL;

  /**
   * @param interval how often the function runs
   * @param lookBack how much CloudMonitor history it asks for ({@code METRIC_PERIOD})
   */
  public AutoscalerSource(Autoscaler autoscaler, Duration interval, Duration lookBack) {
    this.autoscaler = Objects.requireNonNull(autoscaler, "autoscaler");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.lookBack = Objects.requireNonNull(lookBack, "lookBack");
    if (lookBack.isNegative() || lookBack.isZero()) {
      throw new IllegalArgumentException("lookBack must be positive, got " + lookBack);
    }
  }

  @Override
  public Duration interval() {
    return interval;
  }

  @Override
  public Evaluation evaluate(Instant now, CloudView cloud) {
    Decision decision = autoscaler.decide(cloud.observe(lookBack), state, now);
    state = decision.nextState().afterAction(decision.action(), now);
    return new Evaluation(decision.newDesired(), decision.reason());
  }
}
