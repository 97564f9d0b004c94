package io.albqps.engine;

import java.time.Instant;
import java.util.Objects;

/** Our engine bound to one policy under a name: {@code ours}, or {@code original} for legacy. */
record PolicyAutoscaler(String name, Policy policy) implements Autoscaler {
  PolicyAutoscaler {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
  }

  @Override
  public Decision decide(Observation observation, ScalerState state, Instant now) {
    return ScalingEngine.decide(policy, observation, state, now);
  }
}
