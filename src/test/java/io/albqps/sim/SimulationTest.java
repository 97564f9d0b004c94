package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.engine.MetricPoint;
import io.albqps.engine.Observation;
import io.albqps.engine.Reason;
import io.albqps.traffic.Scenarios;
import io.albqps.traffic.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
  private static final Duration FIVE_MINUTES = Duration.ofSeconds(300);

  /** 50 QPS for 5 minutes, then 200 QPS for 10 minutes. */
  private static final Trace RISE =
      Trace.ofSteps(new double[] {0, 300}, new double[] {50, 200}, 900);

  private static ClusterModel.Builder model() {
    return ClusterModel.builder(50)
        .bootTime(Duration.ofSeconds(120))
        .bootSpread(Duration.ZERO)
        .step(Duration.ofSeconds(15));
  }

  @Test
  void policiesSeeOnlyPublishedPointsOfTheirLookBack() {
    Map<Instant, Observation> seen = new LinkedHashMap<>();
    Simulation.builder()
        .load(RISE, "rise")
        .cluster(model().build())
        .policy(
            "follow",
            TestAutoscalers.source(TestAutoscalers.recording(50, seen::put), FIVE_MINUTES))
        .build()
        .run(ProgressListener.NONE);

    Instant at600 = Simulation.DEFAULT_EPOCH.plusSeconds(600);
    // published once the period ended 60 s ago: starts <= 480; in the look-back: starts >= 300
    assertThat(seen.get(at600).points())
        .extracting(MetricPoint::timestamp)
        .containsExactly(
            Simulation.DEFAULT_EPOCH.plusSeconds(300),
            Simulation.DEFAULT_EPOCH.plusSeconds(360),
            Simulation.DEFAULT_EPOCH.plusSeconds(420),
            Simulation.DEFAULT_EPOCH.plusSeconds(480));
    assertThat(seen.get(at600).points()).extracting(MetricPoint::qps).containsOnly(200.0);
    assertThat(seen.get(Simulation.DEFAULT_EPOCH.plusSeconds(60)).points()).isEmpty();
  }

  @Test
  void aScaleUpServesOnlyAfterItsBootAndKeepsAnActivityRunningMeanwhile() {
    Map<Instant, Observation> seen = new LinkedHashMap<>();
    SimulationResult result =
        Simulation.builder()
            .load(RISE, "rise")
            .cluster(model().build())
            .policy(
                "follow",
                TestAutoscalers.source(TestAutoscalers.recording(50, seen::put), FIVE_MINUTES))
            .build()
            .run(ProgressListener.NONE);

    PolicyRun run = result.run("follow");
    // the first 200-QPS point (300 s) is published at 420 s: 1 -> 4, serving from 540 s
    assertThat(run.events())
        .first()
        .isEqualTo(new ScalingEvent(420, 1, 4, Reason.DYNAMIC_SCALING_SCALE_UP));
    assertThat(run.inService()[420 / 15]).isEqualTo(1);
    assertThat(run.inService()[525 / 15]).isEqualTo(1);
    assertThat(run.inService()[540 / 15]).isEqualTo(4);
    assertThat(run.desired()[420 / 15]).isEqualTo(4);
    Observation during = seen.get(Simulation.DEFAULT_EPOCH.plusSeconds(480));
    assertThat(during.activityInProgress()).isTrue();
    assertThat(during.group().inServiceInstances()).isEqualTo(1);
    assertThat(during.group().totalInstances()).isEqualTo(4);
    assertThat(seen.get(Simulation.DEFAULT_EPOCH.plusSeconds(540)).activityInProgress()).isFalse();
  }

  @Test
  void anActivityLockEndsTheScaleOutsActivityBeforeItsInstancesServe() {
    Map<Instant, Observation> seen = new LinkedHashMap<>();
    Simulation.builder()
        .load(RISE, "rise")
        .cluster(
            model()
                .evalInterval(Duration.ofSeconds(15))
                .activityLock(Duration.ofSeconds(60))
                .build())
        .policy(
            "follow",
            TestAutoscalers.source(TestAutoscalers.recording(50, seen::put), FIVE_MINUTES))
        .build()
        .run(ProgressListener.NONE);

    // launched at 420 s, serving from 540 s; the activity ends at 480 s
    Observation locked = seen.get(Simulation.DEFAULT_EPOCH.plusSeconds(465));
    Observation unlocked = seen.get(Simulation.DEFAULT_EPOCH.plusSeconds(480));
    assertThat(locked.activityInProgress()).isTrue();
    assertThat(unlocked.activityInProgress()).isFalse();
    assertThat(unlocked.group().inServiceInstances()).isEqualTo(1);
  }

  @Test
  void theGroupStartsWithTheFirstStepsDemandUnlessToldOtherwise() {
    SimulationResult auto = run(model().build(), "follow");
    SimulationResult three = run(model().initialInstances(3).build(), "follow");

    assertThat(auto.run("follow").initialDesired()).isEqualTo(1);
    assertThat(three.run("follow").initialDesired()).isEqualTo(3);
  }

  @Test
  void everyPolicysKthLaunchBootsEquallyLong() {
    ClusterModel spread = model().bootSpread(Duration.ofSeconds(100)).seed(7).build();
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("step", 25), "step")
            .cluster(spread)
            .policy("a", TestAutoscalers.source(TestAutoscalers.followNewest(50), FIVE_MINUTES))
            .policy("b", TestAutoscalers.source(TestAutoscalers.followNewest(50), FIVE_MINUTES))
            .build()
            .run(ProgressListener.NONE);

    assertThat(result.run("a").inService()).isEqualTo(result.run("b").inService());
  }

  @Test
  void aDesiredCapacityOutsideTheGroupsBoundsIsAnError() {
    ClusterModel small = model().maxInstances(2).build();
    SourceFactory greedy =
        (cluster, foresight) ->
            new DecisionSource() {
              @Override
              public Duration interval() {
                return Duration.ofSeconds(60);
              }

              @Override
              public Evaluation evaluate(Instant now, CloudView cloud) {
                return new Evaluation(3, Reason.DYNAMIC_SCALING_SCALE_UP);
              }
            };
    Simulation simulation =
        Simulation.builder().load(RISE, "rise").cluster(small).policy("greedy", greedy).build();

    assertThatThrownBy(() -> simulation.run(ProgressListener.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("greedy set desired capacity 3 outside the group's [1, 2]");
  }

  @Test
  void progressReachesTheLastStep() {
    long[] last = new long[2];
    Simulation.builder()
        .load(RISE, "rise")
        .cluster(model().build())
        .policy("follow", TestAutoscalers.source(TestAutoscalers.followNewest(50), FIVE_MINUTES))
        .build()
        .run(
            (done, total) -> {
              last[0] = done;
              last[1] = total;
            });

    assertThat(last).containsExactly(60, 60);
  }

  @Test
  void sameSeedWritesIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
    ClusterModel seeded = ClusterModel.builder(50).seed(42).build();
    write(seeded, dir.resolve("a"));
    write(seeded, dir.resolve("b"));
    write(seeded.toBuilder().seed(43).build(), dir.resolve("c"));

    for (String file :
        new String[] {"report.md", "metrics.csv", "timeseries.csv", "dashboard.png"}) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)));
    }
    assertThat(Files.readString(dir.resolve("c").resolve("timeseries.csv")))
        .isNotEqualTo(Files.readString(dir.resolve("a").resolve("timeseries.csv")));
  }

  private static void write(ClusterModel model, Path dir) throws Exception {
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("spike", 25), "spike")
            .cluster(model)
            .policy(
                "follow", TestAutoscalers.source(TestAutoscalers.followNewest(50), FIVE_MINUTES))
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);
    Report.writeAll(result, dir, Charts.writeAll(result, dir));
  }

  private static SimulationResult run(ClusterModel model, String name) {
    return Simulation.builder()
        .load(RISE, "rise")
        .cluster(model)
        .policy(name, TestAutoscalers.source(TestAutoscalers.followNewest(50), FIVE_MINUTES))
        .build()
        .run(ProgressListener.NONE);
  }
}
