package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.Scenarios;
import io.albqps.traffic.Trace;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The production preset against every baseline on real traffic, with the simulator's GPU-like
 * defaults (boot 240 ± 60 s, 60 s points published 60 s late, 60 s evaluation): the issue-7
 * criteria it meets there must keep passing, at a 60 s evaluation and with four staggered copies
 * (15 s). The known misses (GPU-hours against the oracle on the steadier Azure trace, a tie with
 * HPA on actions in the Ray load test) are documented in docs/POLICY.md and left out here.
 */
class ProductionPresetSimulationTest {
  private static final List<String> ALL = Criteria.NAMES;
  private static final List<String> ALL_BUT_ORACLE =
      List.of("slo", "under", "cost", "flaps", "actions");
  private static final List<String> ALL_BUT_ACTIONS =
      List.of("slo", "under", "cost", "oracle", "flaps");
  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final Duration STAGGERED = Duration.ofSeconds(15);

  static Stream<Arguments> loads() throws URISyntaxException {
    LoadProfile rayLoadTest = Scenarios.byName("ray-load-test", Scenarios.DEFAULT_USER_QPS);
    return Stream.of(
        Arguments.of("azure-llm-code", trace("azure-llm-code.csv"), MINUTE, ALL),
        Arguments.of("azure-llm-code", trace("azure-llm-code.csv"), STAGGERED, ALL),
        Arguments.of("azure-llm-conv", trace("azure-llm-conv.csv"), MINUTE, ALL_BUT_ORACLE),
        Arguments.of("ray-load-test", rayLoadTest, MINUTE, ALL_BUT_ACTIONS),
        Arguments.of(
            "diurnal", Scenarios.byName("diurnal", Scenarios.DEFAULT_USER_QPS), MINUTE, ALL));
  }

  @ParameterizedTest(name = "{0}, evaluated every {2}: production meets {3}")
  @MethodSource("loads")
  void productionBeatsTheBaselines(
      String label, LoadProfile load, Duration evalInterval, List<String> criteria)
      throws ConfigException {
    Settings settings =
        Settings.parse(
            Map.of(
                "AUTOSCALING_GROUP_ID", "scg-simulated",
                "ALB_ID", "alb-simulated",
                "SCALING_PRESET", "production"));
    ClusterModel cluster =
        ClusterModel.builder(settings.policy().targetQpsPerInstance())
            .cloudMonitorPeriod(settings.cloudMonitorPeriod())
            .evalInterval(evalInterval)
            .build();
    Simulation.Builder simulation = Simulation.builder().load(load, label).cluster(cluster);
    for (String name : Policies.NAMES) {
      simulation.policy(name, Policies.factory(name, settings.policy(), settings.metricPeriod()));
    }

    List<Criteria.Verdict> verdicts =
        Criteria.check(simulation.build().run(ProgressListener.NONE), "ours");

    assertThat(verdicts)
        .filteredOn(v -> criteria.contains(v.criterion()))
        .hasSize(criteria.size())
        .allSatisfy(v -> assertThat(v.passed()).as(v.criterion() + ": " + v.detail()).isTrue());
  }

  private static LoadProfile trace(String file) throws URISyntaxException {
    Path path =
        Path.of(
            Objects.requireNonNull(
                    ProductionPresetSimulationTest.class.getResource("/traces/" + file), file)
                .toURI());
    return Trace.read(path);
  }
}
