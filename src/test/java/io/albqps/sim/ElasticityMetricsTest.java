package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each metric on small step curves whose values are worked out by hand in the comments. */
class ElasticityMetricsTest {
  private static final ElasticityMetrics.ServiceLevel NO_QUEUE =
      new ElasticityMetrics.ServiceLevel(0, 0, 0, 500, 500);

  // One-minute steps. demand 1 1 3 3 3 1, supply 1 1 1 2 3 3, desired 1 3 3 3 3 3 (from 1).
  private static final int[] DEMAND = {1, 1, 3, 3, 3, 1};
  private static final int[] SUPPLY = {1, 1, 1, 2, 3, 3};
  private static final int[] DESIRED = {1, 3, 3, 3, 3, 3};

  private static ElasticityMetrics curves() {
    return ElasticityMetrics.compute(DEMAND, SUPPLY, DESIRED, 1, 60, NO_QUEUE, 0.2);
  }

  @Test
  void underProvisioningAccuracyAveragesTheMissingShareOfDemand() {
    // (2/3 + 1/3) / 6 steps = 16.67 %
    assertThat(curves().underProvisioningAccuracyPct()).isCloseTo(100.0 / 6, within(1e-9));
  }

  @Test
  void overProvisioningAccuracyAveragesTheExcessShareOfDemand() {
    // step 5: (3 - 1) / 1 = 2, over 6 steps = 33.33 %
    assertThat(curves().overProvisioningAccuracyPct()).isCloseTo(200.0 / 6, within(1e-9));
  }

  @Test
  void timesharesCountStepsUnderAndOver() {
    assertThat(curves().underProvisioningTimesharePct()).isCloseTo(200.0 / 6, within(1e-9));
    assertThat(curves().overProvisioningTimesharePct()).isCloseTo(100.0 / 6, within(1e-9));
  }

  @Test
  void instabilityCountsTransitionsWhereSupplyAndDemandMoveDifferently() {
    // sgn Δs 0 0 1 1 0, sgn Δd 0 1 0 0 -1: supply more upward at 3 of 5, less upward at 1 of 5.
    assertThat(curves().instabilityPct()).isCloseTo(60.0, within(1e-9));
    assertThat(curves().instabilityPrimePct()).isCloseTo(20.0, within(1e-9));
  }

  @Test
  void jitterIsSupplyUnitChangesMinusDemandUnitChangesPerHour() {
    // (2 - 4) unit changes over 0.1 h
    assertThat(curves().jitterPerHour()).isCloseTo(-20.0, within(1e-9));
  }

  @Test
  void gpuHoursCountDesiredInstancesAndCompareWithTheOracle() {
    // 16 instance-minutes = 0.2667 h; the oracle's 0.2 h
    assertThat(curves().gpuHours()).isCloseTo(16 / 60.0, within(1e-9));
    assertThat(curves().gpuHoursVsOracle()).isCloseTo(16 / 60.0 / 0.2, within(1e-9));
  }

  @Test
  void instanceMinutesIntegrateTheGaps() {
    assertThat(curves().underprovisionedInstanceMinutes()).isEqualTo(3.0);
    assertThat(curves().overprovisionedInstanceMinutes()).isEqualTo(2.0);
  }

  @Test
  void timeToCapacityRunsFromTheDemandRiseUntilSupplyMeetsDemand() {
    // rise at step 2 (1 -> 3, supply 1), met at step 4: 2 minutes
    assertThat(curves().timeToCapacityP50Seconds()).isEqualTo(120);
    assertThat(curves().timeToCapacityWorstSeconds()).isEqualTo(120);
  }

  @Test
  void timeToCapacityTakesTheMedianAndWorstOfEpisodesAndRunsAnOpenOneToTheEnd() {
    int[] demand = {1, 2, 2, 1, 3, 3, 1, 4, 4, 4};
    int[] supply = {1, 1, 2, 2, 2, 3, 3, 3, 3, 3};
    ElasticityMetrics m = ElasticityMetrics.compute(demand, supply, supply, 1, 60, NO_QUEUE, 1);
    // episodes: steps 1-2 (60 s), 4-5 (60 s), 7-end (180 s, still short)
    assertThat(m.timeToCapacityP50Seconds()).isEqualTo(60);
    assertThat(m.timeToCapacityWorstSeconds()).isEqualTo(180);
  }

  @Test
  void aShortfallNotStartedByADemandRiseIsNoTimeToCapacityEpisode() {
    int[] demand = {2, 2, 2};
    int[] supply = {2, 1, 2};
    ElasticityMetrics m = ElasticityMetrics.compute(demand, supply, supply, 2, 60, NO_QUEUE, 1);

    assertThat(m.timeToCapacityWorstSeconds()).isZero();
    assertThat(m.underprovisionedInstanceMinutes()).isEqualTo(1.0);
  }

  @Test
  void aReversalWithinTenMinutesIsAFlapAndOneLaterIsNot() {
    int[] desired = new int[30];
    for (int i = 0; i < desired.length; i++) {
      desired[i] = i < 5 ? 2 : i < 20 ? 1 : 3; // up at 0 s, down at 300 s, up at 1200 s
    }
    ElasticityMetrics m = ElasticityMetrics.compute(desired, desired, desired, 1, 60, NO_QUEUE, 1);

    assertThat(m.scalingActions()).isEqualTo(3);
    assertThat(m.flaps()).isEqualTo(1);
  }

  @Test
  void serviceLevelFiguresAreReportedInMinutesAndAsGiven() {
    ElasticityMetrics.ServiceLevel queue =
        new ElasticityMetrics.ServiceLevel(4, 1234.5, 67, 510, 4321);
    ElasticityMetrics m =
        ElasticityMetrics.compute(DEMAND, SUPPLY, DESIRED, 1, 15, queue, Double.NaN);

    assertThat(m.sloViolationMinutes()).isEqualTo(1.0);
    assertThat(m.requestsOverCapacity()).isEqualTo(1234.5);
    assertThat(m.droppedRequests()).isEqualTo(67);
    assertThat(m.p50LatencyMs()).isEqualTo(510);
    assertThat(m.p99LatencyMs()).isEqualTo(4321);
    assertThat(m.gpuHoursVsOracle()).isNaN();
  }
}
