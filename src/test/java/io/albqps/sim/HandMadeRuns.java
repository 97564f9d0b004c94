package io.albqps.sim;

import java.time.Instant;
import java.util.List;

/** Runs with metrics chosen by hand, for tests of what reads the metrics (criteria, reports). */
final class HandMadeRuns {
  private HandMadeRuns() {}

  /** slo minutes, under instance-minutes, GPU-hours, GPU-hours vs oracle, actions, flaps. */
  static PolicyRun run(
      String name, double slo, double under, double gpu, double vsOracle, int actions, int flaps) {
    ElasticityMetrics m =
        new ElasticityMetrics(
            0, 0, 0, 0, 0, 0, 0, gpu, vsOracle, slo, under, 0, 0, 0, 0, 0, 0, 0, actions, flaps);
    int[] one = {1};
    return new PolicyRun(name, 1, one, one, new float[1], new float[1], List.of(), m);
  }

  /** A one-step result holding {@code runs}, whose oracle paid {@code oracleGpuHours}. */
  static SimulationResult result(double oracleGpuHours, List<PolicyRun> runs) {
    return new SimulationResult(
        "hand-made",
        ClusterModel.builder().build(),
        Instant.EPOCH,
        new double[1],
        new int[1],
        runs,
        oracleGpuHours);
  }

  /** A sweep of {@code variable} at the one {@code value}, whose run holds {@code runs}. */
  static SweepReport oneValueSweep(String variable, String value, PolicyRun... runs) {
    return new SweepReport(
        "hand-made", variable, List.of(SweepReport.Point.of(value, result(8.3, List.of(runs)))));
  }
}
