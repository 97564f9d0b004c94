package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.sim.Charts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}: no settings, no account, a table and a summary; charts with {@code --out}. */
class DemoCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int demo(String... args) {
    CliContext context =
        new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), Clock.systemUTC());
    String[] all = new String[args.length + 1];
    all[0] = "demo";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all, context);
  }

  @Test
  void runsWithoutSettingsAndPrintsTheTableAndTheSummary() {
    int code = demo("--minutes", "6", "--staggered");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("time   copy  load_qps")
        .contains("00:45     3")
        .contains("scale_up")
        .contains("SLO-violation minutes")
        .contains("GPU-hours");
  }

  @Test
  void usesTheProductionPresetUnlessToldOtherwise() {
    assertThat(demo("--minutes", "3")).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("preset +production");

    assertThat(demo("--minutes", "3", "--preset", "cost-optimized")).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("preset +cost-optimized");
  }

  @Test
  void rejectsAnUnknownPresetAsAUsageError() {
    assertThat(demo("--preset", "fastest")).isEqualTo(2);
    assertThat(err.toString()).contains("SCALING_PRESET");
  }

  @Test
  void writesTheSimulatorsChartsAndFilesForItsRun() throws IOException {
    int code = demo("--minutes", "12", "--out", dir.toString());

    assertThat(code).as(err.toString()).isZero();
    for (String chart : Charts.FILES) {
      assertThat(dir.resolve(chart)).isNotEmptyFile();
      assertThat(ImageIO.read(dir.resolve(chart).toFile()).getWidth()).isGreaterThan(100);
    }
    assertThat(dir.resolve("metrics.csv")).content().startsWith("policy,").contains("ours,");
    assertThat(dir.resolve("timeseries.csv")).isNotEmptyFile();
    assertThat(dir.resolve("report.md")).content().contains("ray-load-test");
  }
}
