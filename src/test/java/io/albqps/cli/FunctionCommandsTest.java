package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.albqps.emulator.Emulator;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.Fault;
import io.albqps.function.EmulatedDeployment;
import io.albqps.traffic.PhaseProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run}, {@code status} and {@code serve} through {@link Main}, against the emulator. */
class FunctionCommandsTest {
  @TempDir Path dir;
  private Emulator emulator;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startEmulator() throws Exception {
    emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .credentials(EmulatedDeployment.DEMO_KEYS)
                .scalingGroupId("scg-cli")
                .albId("alb-cli")
                .capacity(1, 10, 2)
                .loadProfile(PhaseProfile.constant(240))
                .trafficStart(Clock.systemUTC().instant().minusSeconds(3600))
                .ingestionLag(java.time.Duration.ZERO)
                .build(),
            Clock.systemUTC());
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("AUTOSCALING_GROUP_ID", "scg-cli");
    env.put("ALB_ID", "alb-cli");
    env.put("ACCESS_KEY_ID", EmulatedDeployment.DEMO_KEYS.accessKeyId());
    env.put("SECRET_ACCESS_KEY", EmulatedDeployment.DEMO_KEYS.secretAccessKey());
    env.put("AUTOSCALING_ENDPOINT", emulator.endpoint().toString());
    env.put("CLOUDMONITOR_ENDPOINT", emulator.endpoint().toString());
    env.put("TOS_MOUNT_PATH", dir.toString());
    env.put("API_MAX_RETRIES", "0");
    return env;
  }

  private int run(Map<String, String> env, String... args) {
    CliContext context =
        new CliContext(new PrintWriter(out), new PrintWriter(err), env, Clock.systemUTC());
    return Main.run(args, context);
  }

  @Test
  void runEvaluatesOnceAndPrintsTheResponse() throws Exception {
    int code = run(env(), "run");

    assertThat(code).as(err.toString()).isZero();
    JsonNode response = new ObjectMapper().readTree(out.toString());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.at("/result/action").asText()).isEqualTo("scale_up");
    assertThat(emulator.modifyLog())
        .singleElement()
        .satisfies(m -> assertThat(m.toDesired()).isEqualTo(5));
    assertThat(Files.exists(dir.resolve("scaling_state.json"))).isTrue();
  }

  @Test
  void runWithDryRunChangesNothing() throws Exception {
    int code = run(env(), "run", "--dry-run");

    assertThat(code).isZero();
    assertThat(
            new ObjectMapper().readTree(out.toString()).at("/result/details/dry_run").asBoolean())
        .isTrue();
    assertThat(emulator.calls("ModifyScalingGroup")).isZero();
  }

  @Test
  void runExitsOneWhenAnApiCallFails() throws Exception {
    emulator.faults().injectAlways("DescribeScalingGroups", Fault.throttled());

    int code = run(env(), "run");

    assertThat(code).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(out.toString()).at("/result/message").asText())
        .contains("DescribeScalingGroups")
        .contains("FlowLimitExceeded");
  }

  @Test
  void runExitsTwoOnBadSettingsWithoutCallingTheApi() {
    Map<String, String> env = env();
    env.put("TARGET_QPS_PER_INSTANCE", "-5");

    int code = run(env, "run");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("TARGET_QPS_PER_INSTANCE");
    assertThat(emulator.callCounts()).isEmpty();
  }

  @Test
  void statusShowsTheGroupTheQpsAndTheCooldowns() {
    run(env(), "run");
    out.getBuffer().setLength(0);

    int code = run(env(), "status");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("group      scg-cli")
        .contains("desired 5")
        .contains("qps        240.0")
        .containsPattern("scale_up [1-3]\\d\\d s left")
        .contains("1 scale-ups");
  }

  @Test
  void serveRejectsABadPlatformPort() {
    Map<String, String> env = env();
    env.put("_FAAS_RUNTIME_PORT", "eighty");

    int code = run(env, "serve");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("_FAAS_RUNTIME_PORT");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "_FAAS_RUNTIME_PORT, eighty",
    "AUTOSCALING_GROUP_ID, ''",
    "TARGET_QPS_PER_INSTANCE, -5",
    "API_MAX_RETRIES, 99"
  })
  void bareServeFailsExactlyAsThePicocliPathDoes(String variable, String value) {
    Map<String, String> env = env();
    env.put(variable, value);
    int throughPicocli = run(env, "serve", "--host", "127.0.0.1");
    String picocliErr = err.toString();
    err.getBuffer().setLength(0);

    int bare = run(env, "serve");

    assertThat(bare).isEqualTo(throughPicocli).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(picocliErr).contains(variable);
  }
}
