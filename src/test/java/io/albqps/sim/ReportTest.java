package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.traffic.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files for a tiny run: 50 QPS for 5 minutes then 200 QPS for 10, one-minute steps, a policy
 * that follows the newest point, and the oracle. Regenerate after an intended change with {@code
 * -Dgolden.update=true} and review the diff.
 */
class ReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/io/albqps/sim/golden");

  private static SimulationResult tiny() {
    ClusterModel model =
        ClusterModel.builder(50)
            .bootTime(Duration.ofSeconds(120))
            .bootSpread(Duration.ZERO)
            .step(Duration.ofSeconds(60))
            .build();
    return Simulation.builder()
        .load(Trace.ofSteps(new double[] {0, 300}, new double[] {50, 200}, 900), "tiny")
        .cluster(model)
        .policy(
            "follow",
            TestAutoscalers.source(TestAutoscalers.followNewest(50), Duration.ofSeconds(300)))
        .policy(Simulation.ORACLE, SourceFactory.ORACLE)
        .build()
        .run(ProgressListener.NONE);
  }

  @Test
  void reportMatchesItsGoldenFile() throws IOException {
    assertGolden("tiny-report.md", Report.markdown(tiny(), Charts.FILES));
  }

  @Test
  void metricsCsvMatchesItsGoldenFile() throws IOException {
    assertGolden("tiny-metrics.csv", Report.metricsCsv(tiny()));
  }

  @Test
  void tableMatchesItsGoldenFile() throws IOException {
    assertGolden("tiny-table.txt", Report.table(tiny()));
  }

  @Test
  void metricsCsvStartsWithTheAgreedColumns() {
    String header = Report.metricsCsv(tiny()).lines().findFirst().orElseThrow();

    assertThat(header.split(","))
        .startsWith("policy", "slo_violation_minutes", "underprovisioned_instance_minutes")
        .contains("gpu_hours", "gpu_hours_vs_oracle", "scaling_actions", "flaps", "p99_latency_ms");
  }

  @Test
  void writesReportCsvsAndTimeseriesWithOneRowPerStep(@TempDir Path dir) throws IOException {
    SimulationResult result = tiny();
    Report.writeAll(result, dir, List.of());

    List<String> rows = Files.readAllLines(dir.resolve("timeseries.csv"));
    assertThat(rows).hasSize(result.steps() + 1);
    assertThat(rows.get(0))
        .isEqualTo(
            "t_s,qps,demand,follow_desired,follow_in_service,follow_p99_ms,"
                + "oracle_desired,oracle_in_service,oracle_p99_ms");
    assertThat(rows.get(6)).startsWith("300,200.000,4,");
    assertThat(dir.resolve("report.md")).exists();
    assertThat(dir.resolve("metrics.csv")).exists();
  }

  private static void assertGolden(String name, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(GOLDEN.resolve(name), actual, StandardCharsets.UTF_8);
    }
    try (InputStream in = ReportTest.class.getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", name).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
