package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.traffic.Trace;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class OracleProperties {
  private static final double CAPACITY = 62.5;

  @Property(tries = 60)
  void theOracleNeverUnderProvisions(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 25) Integer> demandPerMinute,
      @ForAll @IntRange(min = 0, max = 600) int bootSeconds,
      @ForAll @IntRange(min = 0, max = 100) int spreadPercent,
      @ForAll long seed) {
    SimulationResult result = run(demandPerMinute, bootSeconds, spreadPercent, seed);

    assertServesEveryStep(result, Simulation.ORACLE);
  }

  @Property(tries = 60)
  void theFlapFreeOracleNeverUnderProvisionsNeverFlapsAndPaysAtLeastTheOracle(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 25) Integer> demandPerMinute,
      @ForAll @IntRange(min = 0, max = 600) int bootSeconds,
      @ForAll @IntRange(min = 0, max = 100) int spreadPercent,
      @ForAll long seed) {
    SimulationResult result = run(demandPerMinute, bootSeconds, spreadPercent, seed);

    assertServesEveryStep(result, Simulation.FLAP_FREE_ORACLE);
    ElasticityMetrics flapFree = result.run(Simulation.FLAP_FREE_ORACLE).metrics();
    assertThat(flapFree.flaps()).isZero();
    assertThat(flapFree.gpuHours())
        .isGreaterThanOrEqualTo(result.run(Simulation.ORACLE).metrics().gpuHours());
  }

  private static SimulationResult run(
      List<Integer> demandPerMinute, int bootSeconds, int spreadPercent, long seed) {
    double[] starts = new double[demandPerMinute.size()];
    double[] qps = new double[demandPerMinute.size()];
    for (int i = 0; i < qps.length; i++) {
      starts[i] = i * 60;
      qps[i] = demandPerMinute.get(i) * CAPACITY;
    }
    ClusterModel model =
        ClusterModel.builder()
            .capacityQps(CAPACITY)
            .bootTime(Duration.ofSeconds(bootSeconds))
            .bootSpread(Duration.ofSeconds(bootSeconds * spreadPercent / 100))
            .maxInstances(25)
            .seed(seed)
            .build();
    return Simulation.builder()
        .load(Trace.ofSteps(starts, qps, qps.length * 60.0), "random")
        .cluster(model)
        .policy(Simulation.ORACLE, SourceFactory.ORACLE)
        .policy(Simulation.FLAP_FREE_ORACLE, SourceFactory.FLAP_FREE_ORACLE)
        .build()
        .run(ProgressListener.NONE);
  }

  private static void assertServesEveryStep(SimulationResult result, String policy) {
    PolicyRun run = result.run(policy);
    for (int i = 0; i < result.steps(); i++) {
      assertThat(run.inService()[i]).as("step %d", i).isGreaterThanOrEqualTo(result.demand()[i]);
    }
    assertThat(run.metrics().sloViolationMinutes()).isZero();
  }
}
