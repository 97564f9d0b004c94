package io.albqps.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.traffic.PhaseProfile.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hand-written load phases: holds, linear ramps, and the last value held past the end. */
class PhaseProfileTest {
  private static final PhaseProfile PROFILE =
      PhaseProfile.of(
          Phase.hold(Duration.ofSeconds(60), 10),
          Phase.ramp(Duration.ofSeconds(100), 10, 110),
          Phase.hold(Duration.ofSeconds(40), 50));

  @Test
  void holdsThenRampsLinearlyThenHoldsTheLastValuePastTheEnd() {
    assertThat(PROFILE.qpsAt(Duration.ofSeconds(59))).isEqualTo(10);
    assertThat(PROFILE.qpsAt(Duration.ofSeconds(110))).isEqualTo(60);
    assertThat(PROFILE.qpsAt(Duration.ofSeconds(160))).isEqualTo(50);
    assertThat(PROFILE.qpsAt(Duration.ofHours(5))).isEqualTo(50);
  }

  @Test
  void lengthIsTheSumOfThePhases() {
    assertThat(PROFILE.length()).isEqualTo(Duration.ofSeconds(200));
  }

  @Test
  void beforeTimeZeroTheFirstValueHolds() {
    assertThat(PROFILE.qpsAt(Duration.ofSeconds(-30))).isEqualTo(10);
  }

  @Test
  void refusesANegativeQpsNamingTheField() {
    assertThatThrownBy(() -> Phase.hold(Duration.ofSeconds(1), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startQps");
  }

  @Test
  void refusesAnEmptyPhase() {
    assertThatThrownBy(() -> Phase.hold(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration");
  }
}
