package io.albqps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.cloud.Credentials;
import io.albqps.cloud.Signer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code emulator} command: prints the environment, serves it, stops on interrupt. */
class EmulatorCommandTest {
  private static final Instant NOW = Instant.parse("2024-06-19T07:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A running command: its thread, its output so far, and its exit code once interrupted. */
  private static final class Running implements AutoCloseable {
    final StringBuffer out = new StringBuffer();
    final StringBuffer err = new StringBuffer();
    final CountDownLatch ready = new CountDownLatch(1);
    final AtomicInteger exitCode = new AtomicInteger(-1);
    final Thread thread;

    Running(Map<String, String> env, String... args) throws InterruptedException {
      CliContext context =
          new CliContext(
              new PrintWriter(new Capture(out, null)),
              new PrintWriter(new Capture(err, ready)),
              env,
              CLOCK);
      thread =
          new Thread(() -> exitCode.set(Main.run(args, context)), "emulator-command-under-test");
      thread.start();
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the command printed nothing; stderr: " + err);
      }
    }

    Map<String, String> exports() {
      Map<String, String> exports = new LinkedHashMap<>();
      for (String line : out.toString().split("\n")) {
        if (line.startsWith("export ")) {
          int eq = line.indexOf('=');
          exports.put(line.substring("export ".length(), eq), line.substring(eq + 1).strip());
        }
      }
      return exports;
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(30));
      return exitCode.get();
    }

    @Override
    public void close() throws InterruptedException {
      stop();
    }
  }

  /** Collects text and opens a latch on the first line (the command's stderr banner). */
  private static final class Capture extends Writer {
    private final StringBuffer buffer;
    private final CountDownLatch latch;

    Capture(StringBuffer buffer, CountDownLatch latch) {
      this.buffer = buffer;
      this.latch = latch;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      buffer.append(chars, offset, length);
    }

    @Override
    public void flush() {
      if (latch != null && buffer.indexOf("\n") >= 0) {
        latch.countDown();
      }
    }

    @Override
    public void close() {}
  }

  private static int describeGroups(String endpoint, Credentials keys, String region)
      throws Exception {
    URI uri = URI.create(endpoint);
    Map<String, String> query = Map.of("Action", "DescribeScalingGroups", "Version", "2020-01-01");
    Map<String, String> headers =
        Signer.sign(
                "GET",
                uri.getHost() + ":" + uri.getPort(),
                "/",
                query,
                Map.of(),
                new byte[0],
                keys,
                "auto_scaling",
                region,
                NOW)
            .headersToAdd();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + "/?" + Signer.canonicalQueryString(query)));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void printsTheEnvironmentWithGeneratedKeysThatTheEmulatorAccepts() throws Exception {
    try (Running command = new Running(Map.of(), "emulator", "--boot-seconds", "60")) {
      Map<String, String> env = command.exports();

      assertThat(env)
          .containsKeys(
              "ACCESS_KEY_ID",
              "SECRET_ACCESS_KEY",
              "AUTOSCALING_ENDPOINT",
              "CLOUDMONITOR_ENDPOINT",
              "AUTOSCALING_GROUP_ID",
              "ALB_ID",
              "REGION");
      assertThat(env.get("AUTOSCALING_ENDPOINT")).startsWith("http://127.0.0.1:");
      assertThat(env.get("CLOUDMONITOR_ENDPOINT")).isEqualTo(env.get("AUTOSCALING_ENDPOINT"));
      Credentials keys = Credentials.of(env.get("ACCESS_KEY_ID"), env.get("SECRET_ACCESS_KEY"));
      assertThat(describeGroups(env.get("AUTOSCALING_ENDPOINT"), keys, env.get("REGION")))
          .isEqualTo(200);
    }
  }

  @Test
  void doesNotPrintKeysItWasGiven() throws Exception {
    try (Running command =
        new Running(
            Map.of(),
            "emulator",
            "--access-key-id",
            "AKLTgiven",
            "--secret-access-key",
            "given-secret")) {
      assertThat(command.exports()).doesNotContainKeys("ACCESS_KEY_ID", "SECRET_ACCESS_KEY");
      assertThat(command.out.toString()).doesNotContain("given-secret");
      assertThat(
              describeGroups(
                  command.exports().get("AUTOSCALING_ENDPOINT"),
                  Credentials.of("AKLTgiven", "given-secret"),
                  "ap-southeast-1"))
          .isEqualTo(200);
    }
  }

  @Test
  void takesKeysGroupAndAlbFromTheEnvironment() throws Exception {
    Map<String, String> env =
        Map.of(
            "ACCESS_KEY_ID", "AKLTenv",
            "SECRET_ACCESS_KEY", "env-secret",
            "AUTOSCALING_GROUP_ID", "scg-fromenv",
            "ALB_ID", "alb-fromenv",
            "REGION", "ap-southeast-3");
    try (Running command = new Running(env, "emulator")) {
      Map<String, String> exports = command.exports();

      assertThat(exports)
          .containsEntry("AUTOSCALING_GROUP_ID", "scg-fromenv")
          .containsEntry("ALB_ID", "alb-fromenv")
          .containsEntry("REGION", "ap-southeast-3")
          .doesNotContainKey("SECRET_ACCESS_KEY");
      assertThat(
              describeGroups(
                  exports.get("AUTOSCALING_ENDPOINT"),
                  Credentials.of("AKLTenv", "env-secret"),
                  "ap-southeast-3"))
          .isEqualTo(200);
    }
  }

  @Test
  void appliesFaultFlags() throws Exception {
    Map<String, String> env = Map.of("ACCESS_KEY_ID", "AKLTenv", "SECRET_ACCESS_KEY", "sk");
    try (Running command = new Running(env, "emulator", "--fault", "DescribeScalingGroups=503:1")) {
      String endpoint = command.exports().get("AUTOSCALING_ENDPOINT");
      Credentials keys = Credentials.of("AKLTenv", "sk");

      assertThat(describeGroups(endpoint, keys, "ap-southeast-1")).isEqualTo(503);
      assertThat(describeGroups(endpoint, keys, "ap-southeast-1")).isEqualTo(200);
    }
  }

  @Test
  void exitsZeroWhenInterrupted() throws Exception {
    Running command = new Running(Map.of(), "emulator");

    assertThat(command.stop()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void refusesBadOptionsWithExitCode2NamingTheFlag(String what, String[] args, String flag) {
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), CLOCK);

    int code = Main.run(args, context);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(flag);
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(
            "min above max", new String[] {"emulator", "--min", "5", "--max", "2"}, "--min"),
        Arguments.of(
            "initial outside the range",
            new String[] {"emulator", "--initial", "40", "--max", "30"},
            "--initial"),
        Arguments.of(
            "trace and scenario together",
            new String[] {"emulator", "--trace", "t.csv", "--scenario", "step"},
            "--trace/--scenario"),
        Arguments.of(
            "unknown scenario", new String[] {"emulator", "--scenario", "tsunami"}, "--scenario"),
        Arguments.of(
            "missing trace file",
            new String[] {"emulator", "--trace", "/nonexistent/trace.csv"},
            "--trace"),
        Arguments.of(
            "bad fault", new String[] {"emulator", "--fault", "ModifyScalingGroup=418"}, "--fault"),
        Arguments.of(
            "only one key",
            new String[] {"emulator", "--access-key-id", "AKLTx"},
            "--secret-access-key"),
        Arguments.of(
            "group id without scg-",
            new String[] {"emulator", "--group-id", "group-1"},
            "--group-id"),
        Arguments.of(
            "missing point rate of 1",
            new String[] {"emulator", "--missing-point-rate", "1"},
            "--missing-point-rate"));
  }

  @Test
  void servesTrafficFromATraceFile(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("trace.csv");
    Files.writeString(trace, "t,qps\n0,100\n60,200\n");
    try (Running command = new Running(Map.of(), "emulator", "--trace", trace.toString())) {
      assertThat(command.exports()).containsKey("AUTOSCALING_ENDPOINT");
    }
  }
}
