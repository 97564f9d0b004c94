package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(
        args,
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC)));
  }

  @Test
  void helpListsTheValidateCommandAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: alb-qps-autoscaler").contains("validate");
  }

  @Test
  void versionExitsZero() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("alb-qps-autoscaler ");
  }

  @Test
  void noCommandPrintsUsage() {
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("Usage: alb-qps-autoscaler");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("frobnicate");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("validate", "--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("--bogus");
  }

  @Test
  void validateHelpDescribesTheExitCodes() {
    assertThat(run("validate", "--help")).isZero();
    assertThat(out.toString()).contains("--env-file").contains("Exits 0");
  }
}
