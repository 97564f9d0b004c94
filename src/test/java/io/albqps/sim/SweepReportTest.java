package io.albqps.sim;

import static io.albqps.sim.HandMadeRuns.oneValueSweep;
import static io.albqps.sim.HandMadeRuns.result;
import static io.albqps.sim.HandMadeRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep's summary, built from hand-made runs so every figure is known. */
class SweepReportTest {
  private static final PolicyRun HPA = run("hpa", 8, 20, 9, 1.1, 6, 1);
  private static final PolicyRun ORACLE = run("oracle", 0, 0, 8.3, 1.0, 9, 4);

  /** Ours at a short window (cheap, flaps) and a long one (passes everything but the oracle). */
  private static SweepReport twoValues() {
    return new SweepReport(
        "hand-made",
        "DOWNSCALE_DELAY_SECONDS",
        List.of(
            SweepReport.Point.of(
                "300", result(8.3, List.of(run("ours", 9, 25, 8.5, 1.02, 7, 2), HPA, ORACLE))),
            SweepReport.Point.of(
                "900", result(8.3, List.of(run("ours", 5, 10, 12, 1.45, 3, 0), HPA, ORACLE)))));
  }

  @Test
  void theCsvHasOneRowPerValueAndPolicyWithOursChecksPassed() {
    List<String> lines = twoValues().csv().lines().toList();

    assertThat(lines.get(0))
        .startsWith("value,policy,slo_violation_minutes,")
        .endsWith(",jitter_per_hour,checks_passed");
    assertThat(lines).hasSize(1 + 2 * 3);
    // 300: ours loses slo, under, flaps and actions; 900: only the oracle check fails
    assertThat(lines.get(1)).startsWith("300,ours,9.00,25.0,").endsWith(",2");
    assertThat(lines.get(2)).startsWith("300,hpa,8.00,").endsWith(",");
    assertThat(lines.get(4)).startsWith("900,ours,5.00,10.0,").endsWith(",5");
  }

  @Test
  void withoutHpaOursChecksAreLeftEmpty() {
    SweepReport sweep =
        oneValueSweep("SCALE_TOLERANCE", "0.1", run("ours", 5, 10, 12, 1.45, 3, 0), ORACLE);

    assertThat(sweep.points().get(0).checksPassed()).isEmpty();
    assertThat(sweep.csv().lines().skip(1).findFirst().orElseThrow()).endsWith(",");
    assertThat(sweep.oursTable()).contains("n/a (needs hpa)");
  }

  @Test
  void oursTableListsEachValueWithItsTradeOff() {
    List<String> lines = twoValues().oursTable().lines().toList();

    assertThat(lines.get(0).split(" +"))
        .containsExactly(
            "DOWNSCALE_DELAY_SECONDS",
            "SLO",
            "viol",
            "min",
            "GPU-h",
            "vs",
            "oracle",
            "actions",
            "flaps",
            "checks");
    assertThat(lines.get(1).split(" +"))
        .containsExactly("300", "9.00", "8.50", "1.020", "7", "2", "2", "of", "6");
    assertThat(lines.get(2).split(" +"))
        .containsExactly("900", "5.00", "12.00", "1.450", "3", "0", "5", "of", "6");
  }

  @Test
  void oursTableIsEmptyWhenOursDidNotRun() {
    SweepReport sweep = oneValueSweep("SCALE_TOLERANCE", "0.1", HPA, ORACLE);

    assertThat(sweep.oursTable()).isEmpty();
  }

  @Test
  void aSweepWithoutValuesIsRejected() {
    assertThatThrownBy(() -> new SweepReport("hand-made", "SCALE_TOLERANCE", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one value");
  }
}
