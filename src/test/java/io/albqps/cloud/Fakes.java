package io.albqps.cloud;

import io.albqps.time.Sleeper;
import io.albqps.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Test doubles for the client's seams: a recording sleeper and a jitter source at its maximum. */
final class Fakes {
  private Fakes() {}

  /** Records every requested sleep and, when given a clock, moves it forward by that much. */
  static final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new ArrayList<>();
    private final VirtualClock clock;

    RecordingSleeper(VirtualClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      clock.advance(duration);
    }

    List<Long> millis() {
      return sleeps.stream().map(Duration::toMillis).toList();
    }
  }

  /** Always draws the top of the range, so full-jitter backoff becomes its ceiling exactly. */
  static final class MaxJitter implements RandomGenerator {
    @Override
    public long nextLong() {
      return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  }
}
