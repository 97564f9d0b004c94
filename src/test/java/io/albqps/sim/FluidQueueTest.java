package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FluidQueueTest {
  private final FluidQueue queue = new FluidQueue(500, 60);

  @Test
  void belowCapacityEveryRequestTakesTheServiceTime() {
    queue.step(80, 100, 10);

    assertThat(queue.p50Millis()).isEqualTo(500);
    assertThat(queue.p99Millis()).isEqualTo(500);
    assertThat(queue.overCapacity()).isZero();
    assertThat(queue.runQuantileMillis(0.99)).isEqualTo(500);
  }

  @Test
  void aboveCapacityTheBacklogGrowsAndLaterArrivalsWaitLonger() {
    queue.step(150, 100, 10); // backlog 0 -> 500; wait at 5 s = 2.5 s, at 9.9 s = 4.95 s

    assertThat(queue.p50Millis()).isCloseTo(3000, within(1e-6));
    assertThat(queue.p99Millis()).isCloseTo(5450, within(1e-6));
    assertThat(queue.overCapacity()).isCloseTo(500, within(1e-9));
    assertThat(queue.dropped()).isZero();
  }

  @Test
  void theBacklogDrainsOnceCapacityExceedsTheLoad() {
    queue.step(150, 100, 10);
    queue.step(50, 100, 10); // backlog 500 -> 0; the earliest arrivals wait longest

    assertThat(queue.p50Millis()).isCloseTo(3000, within(1e-6));
    assertThat(queue.p99Millis()).isCloseTo(5450, within(1e-6));
    assertThat(queue.overCapacity()).isZero();
  }

  @Test
  void requestsBeyondTheTimeoutAreDroppedAndLatencyIsCappedAtIt() {
    for (int i = 0; i < 20; i++) {
      queue.step(200, 100, 10); // +1000 per step, capped at 100 × 60 = 6000
    }

    assertThat(queue.dropped()).isCloseTo(1000, within(1e-6));
    assertThat(queue.p99Millis()).isCloseTo(60_500, within(1e-6));
  }

  @Test
  void withoutAnyServingInstanceEveryRequestIsDropped() {
    queue.step(10, 0, 15);

    assertThat(queue.dropped()).isEqualTo(150);
    assertThat(queue.p99Millis()).isEqualTo(60_500);
  }

  @Test
  void theRunQuantilesWeighStepsByTheirRequests() {
    queue.step(100, 100, 90); // 9000 requests without a wait
    queue.step(150, 100, 10); // 1500 requests that wait up to 5 s

    assertThat(queue.runQuantileMillis(0.5)).isEqualTo(500);
    assertThat(queue.runQuantileMillis(0.99)).isBetween(4500.0, 5500.0);
  }
}
