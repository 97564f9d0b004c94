package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.engine.Policy;
import io.albqps.engine.QpsStatistic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PresetsTest {
  static final List<String> NAMES = Presets.NAMES;

  @ParameterizedTest(name = "preset {0} parses into a valid policy without warnings")
  @FieldSource("NAMES")
  void everyPresetParsesWithoutWarnings(String name) throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("SCALING_PRESET", name));

    assertThat(settings.preset()).contains(name);
    assertThat(settings.policy()).isNotNull();
    assertThat(settings.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "preset {0} sets only scaling behaviour")
  @FieldSource("NAMES")
  void everyPresetSetsOnlyPresettableVariables(String name) throws ConfigException {
    for (String key : Presets.load(name).keySet()) {
      Optional<Variable> variable = Variable.byEnvName(key);
      assertThat(variable).as(name + " sets unknown " + key).isPresent();
      assertThat(variable.get().presettable()).as(name + " sets " + key).isTrue();
    }
  }

  @ParameterizedTest(name = "preset {0} explains each setting with a comment")
  @FieldSource("NAMES")
  void everyPresetSettingFollowsAComment(String name) {
    List<String> lines = Presets.text(name).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
        int previous = i - 1;
        while (previous >= 0 && !lines.get(previous).startsWith("#")) {
          assertThat(lines.get(previous))
              .as(name + ": blank line before " + lines.get(i))
              .isNotBlank();
          previous--;
        }
        assertThat(previous).as(name + ": no comment above " + lines.get(i)).isNotNegative();
      }
    }
  }

  @Test
  void legacyPresetIsTheOriginalsBehaviour() throws ConfigException {
    Policy policy = Settings.parse(SettingsTest.with("SCALING_PRESET", "legacy")).policy();

    assertThat(policy)
        .isEqualTo(
            Policy.builder()
                .dynamicScaling(true)
                .targetQpsPerInstance(50)
                .scaleUpThreshold(0.8)
                .scaleDownThreshold(0.6)
                .scaleUpIncrement(1)
                .scaleDownDecrement(1)
                .maxScaleUpPerAction(0)
                .maxScaleDownPerAction(0)
                .scaleUpCooldown(Duration.ofSeconds(300))
                .scaleDownCooldown(Duration.ofSeconds(600))
                .generalCooldown(Duration.ofSeconds(180))
                .scaleTolerance(0)
                .upscaleDelay(Duration.ZERO)
                .downscaleDelay(Duration.ZERO)
                .upscalingFactor(1)
                .downscalingFactor(1)
                .qpsStatistic(QpsStatistic.MEAN)
                .instanceWarmup(Duration.ZERO)
                .panicThreshold(0)
                .predictiveHorizon(Duration.ZERO)
                .metricStaleAfter(Duration.ofSeconds(180))
                .build());
  }

  @Test
  void legacyPresetKeepsTheOriginalsLookBack() throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("SCALING_PRESET", "legacy"));

    assertThat(settings.metricPeriod()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void productionPresetReactsFastAndReleasesSlowly() throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("SCALING_PRESET", "production"));
    Policy policy = settings.policy();

    assertThat(settings.metricPeriod()).isEqualTo(Duration.ofSeconds(300));
    assertThat(settings.cloudMonitorPeriod()).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.qpsStatistic()).isEqualTo(QpsStatistic.MAX);
    assertThat(policy.scaleTolerance()).isEqualTo(0.15);
    assertThat(policy.upscaleDelay()).isZero();
    assertThat(policy.downscaleDelay()).isEqualTo(Duration.ofSeconds(900));
    assertThat(policy.downscalingFactor()).isEqualTo(1.0);
    assertThat(policy.instanceWarmup()).isEqualTo(Duration.ofSeconds(300));
    assertThat(policy.panicThreshold()).isEqualTo(2);
    assertThat(policy.predictiveHorizon()).isEqualTo(Duration.ofSeconds(240));
    assertThat(policy.predictiveMaxRatio()).isEqualTo(1.4);
    assertThat(policy.predictiveMinRises()).isEqualTo(1);
    assertThat(policy.scaleDownTolerance()).isEqualTo(0.15);
  }

  @Test
  void explicitVariablesOverrideThePreset() throws ConfigException {
    Settings settings =
        Settings.parse(
            SettingsTest.with(
                "SCALING_PRESET", "production", "METRIC_PERIOD", "240", "PANIC_THRESHOLD", "0"));

    assertThat(settings.metricPeriod()).isEqualTo(Duration.ofSeconds(240));
    assertThat(settings.policy().panicThreshold()).isZero();
    assertThat(settings.policy().qpsStatistic()).isEqualTo(QpsStatistic.MAX);
  }

  @Test
  void presetOverridesTheDefaults() throws ConfigException {
    Settings settings = Settings.parse(SettingsTest.with("SCALING_PRESET", "production"));

    assertThat(settings.policy().generalCooldown())
        .isEqualTo(Duration.ofSeconds(60))
        .isNotEqualTo(Policy.defaults().generalCooldown());
  }

  @Test
  void presetNameIsCaseInsensitive() throws ConfigException {
    assertThat(Settings.parse(SettingsTest.with("SCALING_PRESET", " Production ")).preset())
        .contains("production");
  }

  @Test
  void unknownPresetListsTheAllowedOnes() {
    Map<String, String> env = SettingsTest.with("SCALING_PRESET", "turbo");

    assertThatThrownBy(() -> Settings.parse(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SCALING_PRESET=turbo")
        .hasMessageContaining(
            "basic, aggressive-upscale, conservative-downscale, production, cost-optimized,"
                + " latency-optimized or legacy");
  }

  @Test
  void conflictCausedByAPresetValueSaysSo() {
    Map<String, String> env =
        SettingsTest.with("SCALING_PRESET", "legacy", "SCALE_UP_THRESHOLD", "0.5");

    assertThatThrownBy(() -> Settings.parse(env))
        .hasMessageContaining("SCALE_DOWN_THRESHOLD=0.6 (from preset legacy)");
  }

  @Test
  void loadRejectsAnUnknownName() {
    assertThatThrownBy(() -> Presets.load("../etc/passwd"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("one of basic");
  }
}
