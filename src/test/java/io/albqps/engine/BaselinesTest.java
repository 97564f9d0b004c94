package io.albqps.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselinesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"original", "hpa", "ray", "aws-target-tracking"})
  void byNameReturnsTheBaselineOfThatName(String name) {
    assertThat(Baselines.byName(name, 50).name()).isEqualTo(name);
  }

  @Test
  void unknownNameListsTheAllowedOnes() {
    assertThatThrownBy(() -> Baselines.byName("knative", 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'knative'")
        .hasMessageContaining("original, hpa, ray, aws-target-tracking");
  }

  @ParameterizedTest(name = "target {0}")
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void targetMustBePositive(double target) {
    assertThatThrownBy(() -> Baselines.byName("hpa", target))
        .hasMessageContaining("targetQpsPerInstance must be a finite number > 0");
  }

  @Test
  void legacyPolicyHasNoneOfTheAdditions() {
    Policy legacy = Baselines.legacyPolicy(50);

    assertThat(legacy.scaleTolerance()).isZero();
    assertThat(legacy.upscaleDelay()).isZero();
    assertThat(legacy.downscaleDelay()).isZero();
    assertThat(legacy.instanceWarmup()).isZero();
    assertThat(legacy.panicEnabled()).isFalse();
    assertThat(legacy.predictiveHorizon()).isZero();
    assertThat(legacy.qpsStatistic()).isEqualTo(QpsStatistic.MEAN);
  }

  @Test
  void oursIsNamedOurs() {
    assertThat(ScalingEngine.ours(Policy.defaults()).name()).isEqualTo("ours");
  }
}
