package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.cli.CliContext;
import io.albqps.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --mode e2e} through the command line: its files, and the same bytes per seed. */
class EndToEndCommandTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int simulate(Path out, String... extra) {
    String[] base = {
      "simulate",
      "--scenario",
      "spike",
      "--mode",
      "e2e",
      "--policies",
      "ours,hpa",
      "--out",
      out.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            Map.of(),
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
    return Main.run(args, context);
  }

  @Test
  void writesTheReportCsvsAndChartsOfAnE2eRun() {
    int code = simulate(dir);

    assertThat(code).as(err.toString()).isZero();
    for (String file : new String[] {"report.md", "metrics.csv", "timeseries.csv"}) {
      assertThat(dir.resolve(file)).isNotEmptyFile();
    }
    for (String chart : Charts.FILES) {
      assertThat(dir.resolve(chart)).isNotEmptyFile();
    }
  }

  @Test
  void theSameSeedGivesTheSameMetricsAndTimeSeries() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    assertThat(simulate(first, "--seed", "7", "--staggered")).as(err.toString()).isZero();
    assertThat(simulate(second, "--seed", "7", "--staggered")).as(err.toString()).isZero();

    assertThat(Files.readString(second.resolve("metrics.csv")))
        .isEqualTo(Files.readString(first.resolve("metrics.csv")));
    assertThat(Files.readString(second.resolve("timeseries.csv")))
        .isEqualTo(Files.readString(first.resolve("timeseries.csv")));
  }

  @Test
  void rejectsACloudMonitorPeriodTheFunctionWouldNotAskFor() {
    int code = simulate(dir, "--cloudmonitor-period", "300");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--cloudmonitor-period", "e2e");
  }
}
