package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String SECRET = "Sup3rSecretValue-9876-qz";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CliContext context =
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
    return Main.run(args, context);
  }

  private static Map<String, String> required(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("AUTOSCALING_GROUP_ID", "scg-abc123");
    env.put("ALB_ID", "alb-def456");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void validConfigurationExitsZero() {
    assertThat(run(required(), "validate")).isZero();
    assertThat(out.toString()).startsWith("Configuration is valid.");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsEveryVariableWithItsSource() {
    run(required("SCALING_PRESET", "production", "GENERAL_COOLDOWN", "90"), "validate");

    assertThat(out.toString())
        .containsPattern("AUTOSCALING_GROUP_ID +scg-abc123 +env")
        .containsPattern("METRIC_PERIOD +300 +preset production")
        .containsPattern("GENERAL_COOLDOWN +90 +env")
        .containsPattern("LOG_LEVEL +INFO +default")
        .containsPattern("ALERT_WEBHOOK_URL +\\(unset\\) +default")
        .containsPattern("_FAAS_FUNC_TIMEOUT +900 +default");
    for (io.albqps.config.Variable variable : io.albqps.config.Variable.values()) {
      assertThat(out.toString()).contains(variable.envName());
    }
  }

  @Test
  void printsTheDerivedValues() {
    run(required("REGION", "ap-southeast-3"), "validate");

    assertThat(out.toString())
        .contains("state file              /tosmount/scaling_state.json")
        .contains("CloudMonitor period     60 s")
        .contains("https://auto-scaling.ap-southeast-3.byteplusapi.com")
        .contains("https://cloudmonitor.ap-southeast-3.byteplusapi.com (service cloudmonitor)");
  }

  @Test
  void warnsThatRoleCredentialsAreNeededWithoutKeys() {
    run(required(), "validate");

    assertThat(out.toString()).contains("  - " + ValidateCommand.ROLE_CREDENTIALS_WARNING);
  }

  @Test
  void noRoleCredentialsWarningWithKeys() {
    run(required("ACCESS_KEY_ID", "AKLTexample", "SECRET_ACCESS_KEY", SECRET), "validate");

    assertThat(out.toString())
        .doesNotContain(ValidateCommand.ROLE_CREDENTIALS_WARNING)
        .contains("No warnings.");
  }

  @Test
  void secretIsMaskedInTheOutput() {
    run(required("ACCESS_KEY_ID", "AKLTexample", "SECRET_ACCESS_KEY", SECRET), "validate");

    assertThat(out.toString())
        .containsPattern("SECRET_ACCESS_KEY +\\*\\*\\*\\*qz +env")
        .doesNotContain(SECRET)
        .doesNotContain(SECRET.substring(0, 8));
  }

  @Test
  void printsTheSettingsWarnings() {
    run(required("METRIC_PERIOD", "45", "SCALE_UP_TRESHOLD", "0.9"), "validate");

    assertThat(out.toString())
        .contains("Warnings (3):")
        .contains("  - METRIC_PERIOD=45 is below 60 s")
        .contains("did you mean SCALE_UP_THRESHOLD?");
  }

  @Test
  void invalidConfigurationExitsTwoListingEveryError() {
    Map<String, String> env = new HashMap<>();
    env.put("METRIC_PERIOD", "abc");
    env.put("SECRET_ACCESS_KEY", "bad secret " + SECRET);
    env.put("ACCESS_KEY_ID", "AKLTexample");

    assertThat(run(env, "validate")).isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid configuration (4 problems)")
        .contains("AUTOSCALING_GROUP_ID=(unset)")
        .contains("ALB_ID=(unset)")
        .contains("SECRET_ACCESS_KEY=****qz")
        .contains("METRIC_PERIOD=abc: expected seconds, an integer 10..86400")
        .doesNotContain(SECRET);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void envExampleIsValid() {
    assertThat(run(Map.of(), "validate", "--env-file", ".env.example")).isZero();
    assertThat(out.toString()).containsPattern("AUTOSCALING_GROUP_ID +scg-xxxxxxxx +env");
  }

  @Test
  void envExampleListsEveryVariable() throws IOException {
    String example = Files.readString(Path.of(".env.example"), StandardCharsets.UTF_8);

    for (io.albqps.config.Variable variable : io.albqps.config.Variable.values()) {
      assertThat(example).containsPattern("(?m)^(# )?" + variable.envName() + "=");
    }
  }

  @Test
  void processEnvironmentOverridesTheEnvFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("test.env");
    Files.writeString(
        file,
        "AUTOSCALING_GROUP_ID=scg-fromfile\nALB_ID=alb-fromfile\nMETRIC_PERIOD=120\n",
        StandardCharsets.UTF_8);

    assertThat(run(Map.of("METRIC_PERIOD", "600"), "validate", "--env-file", file.toString()))
        .isZero();
    assertThat(out.toString())
        .containsPattern("ALB_ID +alb-fromfile +env")
        .containsPattern("METRIC_PERIOD +600 +env");
  }

  @Test
  void missingEnvFileExitsTwo(@TempDir Path dir) {
    assertThat(run(required(), "validate", "--env-file", dir.resolve("nope.env").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--env-file");
  }
}
