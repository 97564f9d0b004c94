package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.sim.Charts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            Map.of(),
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
    return Main.run(args, context);
  }

  /** {@code simulate --scenario step --sweep SWEEP}, then {@code extra} options. */
  private int sweepStep(String sweep, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("simulate", "--scenario", "step", "--sweep", sweep));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void writesTheReportCsvsAndChartsForAScenario(@TempDir Path dir) {
    int code =
        run(
            "simulate",
            "--scenario",
            "ray-load-test",
            "--policies",
            "ours,hpa,oracle",
            "--out",
            dir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ours", "hpa", "oracle", "GPU-h");
    for (String file : new String[] {"report.md", "metrics.csv", "timeseries.csv"}) {
      assertThat(dir.resolve(file)).isNotEmptyFile();
    }
    for (String chart : Charts.FILES) {
      assertThat(dir.resolve(chart)).isNotEmptyFile();
    }
  }

  @Test
  void theFlapFreeOracleRunsOnlyOnRequest(@TempDir Path dir) throws Exception {
    assertThat(run("simulate", "--scenario", "spike")).as(err.toString()).isZero();
    assertThat(out.toString()).doesNotContain("oracle-flap-free");

    int code =
        run(
            "simulate",
            "--scenario",
            "spike",
            "--policies",
            "oracle,oracle-flap-free",
            "--out",
            dir.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> rows = Files.readAllLines(dir.resolve("metrics.csv"));
    int flaps = List.of(rows.get(0).split(",", -1)).indexOf("flaps");
    assertThat(rows)
        .filteredOn(row -> row.startsWith("oracle-flap-free,"))
        .singleElement()
        .extracting(row -> row.split(",", -1)[flaps])
        .isEqualTo("0");
  }

  @Test
  void theLegacyPresetMakesOursDecideAsTheOriginal() {
    int code =
        run("simulate", "--scenario", "spike", "--policies", "ours,original", "--preset", "legacy");

    assertThat(code).as(err.toString()).isZero();
    String[] rows = out.toString().split("\n");
    assertThat(rows[1].replaceFirst("^ours +", ""))
        .isEqualTo(rows[2].replaceFirst("^original +", ""));
  }

  @Test
  void aSweepPrintsOneTablePerValue() {
    int code = sweepStep("DOWNSCALE_DELAY_SECONDS=300,900", "--policies", "ours");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("## DOWNSCALE_DELAY_SECONDS=300", "## DOWNSCALE_DELAY_SECONDS=900");
  }

  @Test
  void aSweepEndsWithOursAtEachValueAndWritesItsSummaryAndTradeoff(@TempDir Path dir)
      throws Exception {
    int code =
        sweepStep(
            "DOWNSCALE_DELAY_SECONDS=0,900",
            "--policies",
            "ours,hpa,oracle",
            "--out",
            dir.toString());

    assertThat(code).as(err.toString()).isZero();
    String summary = out.toString().substring(out.toString().indexOf("## ours across"));
    assertThat(summary.lines().skip(2).map(line -> line.split(" +")[0])).startsWith("0", "900");
    assertThat(Files.readAllLines(dir.resolve("sweep.csv")))
        .hasSize(1 + 2 * 3)
        .anyMatch(line -> line.startsWith("900,ours,"));
    assertThat(dir.resolve(Charts.TRADEOFF_FILE)).isNotEmptyFile();
    assertThat(dir.resolve("downscale_delay_seconds-0").resolve("metrics.csv")).isNotEmptyFile();
  }

  @Test
  void aSweepWithoutTheOracleSaysWhyItDrawsNoTradeoff(@TempDir Path dir) {
    int code =
        sweepStep("DOWNSCALE_DELAY_SECONDS=900", "--policies", "ours,hpa", "--out", dir.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("no tradeoff.png", "oracle");
    assertThat(dir.resolve("sweep.csv")).isNotEmptyFile();
    assertThat(dir.resolve(Charts.TRADEOFF_FILE)).doesNotExist();
  }

  @Test
  void aSweepOfAnUnknownVariableIsAUsageError() {
    assertThat(sweepStep("DOWNSCALE_DELAY=1,2")).isEqualTo(2);
    assertThat(err.toString()).contains("--sweep", "DOWNSCALE_DELAY_SECONDS");
  }

  @Test
  void aSweepOfASecretIsAUsageErrorThatNeverShowsItsValues() {
    assertThat(sweepStep("SECRET_ACCESS_KEY=hunter2secret,x")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--sweep", "SECRET_ACCESS_KEY=...", "DOWNSCALE_DELAY_SECONDS")
        .doesNotContain("hunter2secret");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aSweepOfASettingTheSimulationIgnoresIsAUsageErrorListingTheSweepableOnes() {
    assertThat(sweepStep("ALB_ID=a,b")).isEqualTo(2);
    assertThat(err.toString())
        .contains("a setting that changes ours' decisions", "SCALING_PRESET", "QPS_STATISTIC");
  }

  @Test
  void aBadValueAnywhereInASweepStopsItBeforeTheFirstRun(@TempDir Path dir) {
    Path target = dir.resolve("sweep");

    int code = sweepStep("DOWNSCALE_DELAY_SECONDS=300,-5,soon", "--out", target.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "2 problems", "DOWNSCALE_DELAY_SECONDS=-5", "DOWNSCALE_DELAY_SECONDS=soon", "0..86400");
    assertThat(out.toString()).doesNotContain("## DOWNSCALE_DELAY_SECONDS=300");
    assertThat(target).doesNotExist();
  }

  @Test
  void aBadModelOptionInASweepIsReportedOnceNotOncePerValue() {
    assertThat(sweepStep("DOWNSCALE_DELAY_SECONDS=300,900", "--eval-interval", "30")).isEqualTo(2);
    assertThat(err.toString()).contains("(1 problem)", "--eval-interval", "60 or 15");
  }

  @Test
  void aTargetSweepNeedsAFixedCapacity() {
    assertThat(sweepStep("TARGET_QPS_PER_INSTANCE=40,50")).isEqualTo(2);
    assertThat(err.toString()).contains("TARGET_QPS_PER_INSTANCE", "--capacity-qps");
  }

  @Test
  void aTargetSweepAgainstAFixedCapacityRunsEachTarget() {
    int code =
        sweepStep("TARGET_QPS_PER_INSTANCE=50,60", "--policies", "ours", "--capacity-qps", "62.5");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("## TARGET_QPS_PER_INSTANCE=50", "## TARGET_QPS_PER_INSTANCE=60");
  }

  @Test
  void aSweepOfThePresetComparesPresets() {
    int code = sweepStep("SCALING_PRESET=production,legacy", "--policies", "ours,hpa,oracle");

    assertThat(code).as(err.toString()).isZero();
    String summary = out.toString().substring(out.toString().indexOf("## ours across"));
    assertThat(summary.lines().skip(2).map(line -> line.split(" +")[0]))
        .containsExactly("production", "legacy");
  }

  @Test
  void aBadSettingForOursIsAUsageError() {
    assertThat(sweepStep("SCALE_UP_THRESHOLD=7")).isEqualTo(2);
    assertThat(err.toString()).contains("SCALE_UP_THRESHOLD");
  }

  @Test
  void aBadTraceFileIsAUsageErrorNamingTheLine(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("bad.csv");
    Files.writeString(trace, "t,qps\n0,10\n60,lots\n");

    assertThat(run("simulate", "--trace", trace.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv line 3, column 2 (qps)", "'lots'");
  }

  @Test
  void anUnknownModeIsAUsageErrorNamingTheTwoModes() {
    assertThat(run("simulate", "--scenario", "step", "--mode", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("--mode", "engine or e2e");
  }

  @Test
  void anUnknownPolicyIsAUsageErrorListingTheKnownOnes() {
    assertThat(run("simulate", "--scenario", "step", "--policies", "ours,keda")).isEqualTo(2);
    assertThat(err.toString()).contains("keda", "aws-target-tracking");
  }

  @Test
  void anEvaluationIntervalOtherThan60Or15IsAUsageError() {
    assertThat(run("simulate", "--scenario", "step", "--eval-interval", "30")).isEqualTo(2);
    assertThat(err.toString()).contains("--eval-interval", "60 or 15");
  }

  @Test
  void aNegativeActivityLockIsAUsageErrorNamingTheOption() {
    assertThat(run("simulate", "--scenario", "step", "--activity-seconds", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--activity-seconds", "an integer >= 0");
  }

  @Test
  void traceAndScenarioTogetherAreAUsageError() {
    assertThat(run("simulate", "--scenario", "step", "--trace", "x.csv")).isEqualTo(2);
  }
}
