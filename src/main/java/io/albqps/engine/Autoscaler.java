package io.albqps.engine;

import java.time.Instant;

/**
 * A scaling policy bound to its parameters: ours ({@link ScalingEngine} with a {@link Policy}) or a
 * baseline. The simulator runs any of them side by side on the same observations.
 */
public interface Autoscaler {

  /** A short stable name: {@code ours}, {@code original}, {@code hpa}, {@code ray}, ... */
  String name();

  /** Decides from one observation; pure, deterministic. */
  Decision decide(Observation observation, ScalerState state, Instant now);
}
