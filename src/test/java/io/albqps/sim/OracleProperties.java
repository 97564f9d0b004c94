package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.traffic.Trace;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OracleProperties {
  private static final double CAPACITY = 62.5;

  @Property(tries = 60)
  void theOracleNeverUnderProvisions(@ForAll("randomRuns") SimulationResult result) {
    assertServesEveryStep(result, Simulation.ORACLE);
  }

  @Property(tries = 60)
  void theFlapFreeOracleNeverUnderProvisionsNeverFlapsAndPaysAtLeastTheOracle(
      @ForAll("randomRuns") SimulationResult result) {
    assertServesEveryStep(result, Simulation.FLAP_FREE_ORACLE);
    ElasticityMetrics flapFree = result.run(Simulation.FLAP_FREE_ORACLE).metrics();
    assertThat(flapFree.flaps()).isZero();
    assertThat(flapFree.gpuHours())
        .isGreaterThanOrEqualTo(result.run(Simulation.ORACLE).metrics().gpuHours());
  }

  /** Both oracles on a random per-minute demand, boot time, boot spread and seed. */
  @Provide
  Arbitrary<SimulationResult> randomRuns() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 25).list().ofMinSize(1).ofMaxSize(40),
            Arbitraries.integers().between(0, 600),
            Arbitraries.integers().between(0, 100),
            Arbitraries.longs())
        .as(OracleProperties::run);
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
