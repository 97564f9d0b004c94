package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}: no settings, no account, a table and a summary; charts with {@code --out}. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void runsWithoutSettingsAndPrintsTheTableAndTheSummary() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(new PrintWriter(out), new PrintWriter(err), Map.of(), Clock.systemUTC());

    int code =
        Main.run(
            new String[] {"demo", "--minutes", "6", "--staggered", "--out", dir.toString()},
            context);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("time   copy  load_qps")
        .contains("00:45     3")
        .contains("scale_up")
        .contains("under-capacity minutes")
        .contains("GPU-minutes");
    assertThat(dir.resolve("demo_instances.png")).exists();
    assertThat(dir.resolve("demo_qps.png")).exists();
    assertThat(dir.resolve("demo.csv")).exists();
  }
}
