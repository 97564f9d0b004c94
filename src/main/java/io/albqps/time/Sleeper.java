package io.albqps.time;

import java.time.Duration;

/**
 * Waits for a duration; injected wherever the code must pause (initial delay, retry backoff) so
 * tests and the simulator can run in virtual time.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the real thread. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
