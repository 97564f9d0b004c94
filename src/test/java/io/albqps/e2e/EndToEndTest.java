package io.albqps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.emulator.ModifyRecord;
import io.albqps.engine.Policy;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.Event;
import io.albqps.function.Response;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real handler, client, signer, file state store and engine against the emulator on loopback,
 * in virtual time.
 */
class EndToEndTest {
  @TempDir Path dir;

  static StateDocument stateFile(EmulatedDeployment d) throws Exception {
    return StateJson.read(Files.readAllBytes(d.stateFile()));
  }

  @Test
  void aBurstIsMetInOneEvaluation() {
    // 100 QPS (2 instances' worth) for 12 minutes, then a burst to 480 QPS (10 instances).
    var load = E2e.steps(new int[] {12, 30}, new double[] {100, 480});
    try (EmulatedDeployment d = E2e.deploy(load, 2, E2e.config(Policy.defaults(), false), dir, 1)) {
      Instant burst = E2e.START.plus(Duration.ofMinutes(2));
      for (int minute = 0; minute <= 6; minute++) {
        d.tick(0, E2e.START.plus(Duration.ofMinutes(minute)));
      }

      List<ModifyRecord> modifies = d.emulator().modifyLog();
      assertThat(modifies).hasSize(1);
      assertThat(modifies.get(0).fromDesired()).isEqualTo(2);
      assertThat(modifies.get(0).toDesired()).isEqualTo(10);
      // CloudMonitor shows the burst's first complete points about 2 minutes after it starts.
      assertThat(modifies.get(0).at()).isBetween(burst, burst.plus(Duration.ofMinutes(3)));
    }
  }

  @Test
  void oneEvaluationCostsThreeReadsAndOneWriteOnTheWire() {
    var load = E2e.steps(new int[] {60}, new double[] {480});
    try (EmulatedDeployment d = E2e.deploy(load, 2, E2e.config(Policy.defaults(), false), dir, 1)) {
      Response response = d.tick(0, E2e.START);

      assertThat(response.result().action()).isEqualTo("scale_up");
      assertThat(d.emulator().callCounts())
          .containsEntry("GetMetricData", 1)
          .containsEntry("DescribeScalingGroups", 1)
          .containsEntry("DescribeScalingActivities", 1)
          .containsEntry("ModifyScalingGroup", 1)
          .doesNotContainKey("DescribeScalingInstances");
    }
  }

  @Test
  void aDryRunIssuesNoModifyAndWritesNoCooldowns() throws Exception {
    var load = E2e.steps(new int[] {60}, new double[] {480});
    try (EmulatedDeployment d = E2e.deploy(load, 2, E2e.config(Policy.defaults(), true), dir, 1)) {
      for (int minute = 0; minute < 5; minute++) {
        Response r = d.tick(0, E2e.START.plus(Duration.ofMinutes(minute)));
        assertThat(r.result().action()).isEqualTo("scale_up");
      }
      Response manual = d.invoke(0, Event.evaluation(true));

      assertThat(manual.result().details()).containsEntry("dry_run", true);
      assertThat(d.emulator().calls("ModifyScalingGroup")).isZero();
      StateDocument state = stateFile(d);
      assertThat(state.scaler().lastScalingAction()).isEmpty();
      assertThat(state.scaler().lastScaleUp()).isEmpty();
      assertThat(state.scaler().lastGeneralAction()).isEmpty();
      assertThat(state.scaler().recommendations()).isEmpty();
      assertThat(state.scalingHistory()).isEmpty();
      assertThat(state.metricsCache().lastQpsValue()).hasValue(480.0);
      assertThat(state.statistics().totalExecutions()).isEqualTo(6);
    }
  }

  @Test
  void aCorruptStateFileIsMovedAsideAndNoScaleDownFollowsUntilTheDownCooldownPasses()
      throws Exception {
    // 480 QPS for 15 minutes (10 instances), then 50 QPS (1 instance).
    var load = E2e.steps(new int[] {25, 60}, new double[] {480, 50});
    Policy eager = Policy.builder().downscaleDelay(Duration.ZERO).build();
    try (EmulatedDeployment d = E2e.deploy(load, 2, E2e.config(eager, false), dir, 1)) {
      d.tick(0, E2e.START);
      assertThat(d.emulator().modifyLog()).hasSize(1);

      Instant corruptedAt = E2e.START.plus(Duration.ofMinutes(20));
      Files.writeString(d.stateFile(), "{\"schema\":\"2\",\"revision\":", StandardCharsets.UTF_8);
      for (int minute = 20; minute <= 45; minute++) {
        d.tick(0, E2e.START.plus(Duration.ofMinutes(minute)));
      }

      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(name -> name.startsWith("scaling_state.json.corrupt."));
      }
      List<ModifyRecord> downs =
          d.emulator().modifyLog().stream().filter(m -> m.toDesired() < m.fromDesired()).toList();
      assertThat(downs).isNotEmpty();
      assertThat(downs)
          .allSatisfy(
              m ->
                  assertThat(m.at()).isAfterOrEqualTo(corruptedAt.plus(eager.scaleDownCooldown())));
    }
  }
}
