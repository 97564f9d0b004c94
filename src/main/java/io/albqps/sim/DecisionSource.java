package io.albqps.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Whatever decides the group's desired capacity in a simulation: a policy called directly (engine
 * mode), the real handler behind the emulator (e2e mode), or the oracle. The simulation's driver
 * loop calls it at every multiple of {@link #interval()} and applies the capacity it returns.
 * Implementations keep their own state between calls and are used for one run only.
 */
public interface DecisionSource {

  /** How often it evaluates; a multiple of the simulation step. */
  Duration interval();

  /**
   * Runs one evaluation at {@code now} on what the cloud shows, and returns the desired capacity it
   * set (the group's current one when it held) with the reason.
   */
  Evaluation evaluate(Instant now, CloudView cloud);

  /**
   * How many instances it starts with, given the simulation's plan; only a source that knows the
   * future (the oracle) starts differently.
   */
  default int initialInstances(int planned) {
    return planned;
  }
}
