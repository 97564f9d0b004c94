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

  @Property(tries = 60)
  void theOracleNeverUnderProvisions(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 25) Integer> demandPerMinute,
      @ForAll @IntRange(min = 0, max = 600) int bootSeconds,
      @ForAll @IntRange(min = 0, max = 100) int spreadPercent,
      @ForAll long seed) {
    double capacity = 62.5;
    double[] starts = new double[demandPerMinute.size()];
    double[] qps = new double[demandPerMinute.size()];
    for (int i = 0; i < qps.length; i++) {
      starts[i] = i * 60;
      qps[i] = demandPerMinute.get(i) * capacity;
    }
    ClusterModel model =
        ClusterModel.builder()
            .capacityQps(capacity)
            .bootTime(Duration.ofSeconds(bootSeconds))
            .bootSpread(Duration.ofSeconds(bootSeconds * spreadPercent / 100))
            .maxInstances(25)
            .seed(seed)
            .build();
    SimulationResult result =
        Simulation.builder()
            .load(Trace.ofSteps(starts, qps, qps.length * 60.0), "random")
            .cluster(model)
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);

    PolicyRun oracle = result.run(Simulation.ORACLE);
    for (int i = 0; i < result.steps(); i++) {
      assertThat(oracle.inService()[i]).as("step %d", i).isGreaterThanOrEqualTo(result.demand()[i]);
    }
    assertThat(oracle.metrics().sloViolationMinutes()).isZero();
  }
}
