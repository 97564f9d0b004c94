package io.albqps.cli;

import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException;
import io.albqps.config.ConfigException.Problem;
import io.albqps.emulator.Emulator;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.FaultSpec;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.ScaledProfile;
import io.albqps.traffic.Scenarios;
import io.albqps.traffic.Trace;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code emulator}: starts the local BytePlus emulator on the system clock and prints the {@code
 * export} lines that point the function at it, so the real function can be tried without a cloud
 * account.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local BytePlus AutoScaling + CloudMonitor emulator and print the environment that"
          + " points the function at it. Runs until interrupted (Ctrl-C).",
      "Keys, group id, ALB id and region come from the options, else from the environment"
          + " (ACCESS_KEY_ID, SECRET_ACCESS_KEY, AUTOSCALING_GROUP_ID, ALB_ID, REGION), else"
          + " defaults; keys are generated (and printed) when neither gives them."
    })
final class EmulatorCommand implements Callable<Integer> {
  private static final String KEY_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @Option(names = "--host", description = "address to bind (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "port to listen on; 0 = any free port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--access-key-id", paramLabel = "AK", description = "access key id to accept")
  String accessKeyId;

  @Option(names = "--secret-access-key", paramLabel = "SK", description = "secret of that key")
  String secretAccessKey;

  @Option(names = "--trace", paramLabel = "FILE", description = "traffic from a t,qps CSV trace")
  Path trace;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description =
          "built-in traffic: ray-load-test, step, spike, ramp, diurnal (default: ray-load-test"
              + " unless --trace)")
  String scenario;

  @Option(
      names = "--user-qps",
      paramLabel = "QPS",
      description = "QPS of one user in ray-load-test (default: ${DEFAULT-VALUE})")
  double userQps = Scenarios.DEFAULT_USER_QPS;

  @Option(
      names = "--scale",
      paramLabel = "X",
      description = "multiply the traffic by X (default: ${DEFAULT-VALUE})")
  double scale = 1.0;

  @Option(names = "--group-id", paramLabel = "scg-ID", description = "scaling group id")
  String groupId;

  @Option(names = "--alb-id", paramLabel = "alb-ID", description = "ALB id")
  String albId;

  @Option(names = "--region", description = "region (default: REGION, else ap-southeast-1)")
  String region;

  @Option(names = "--min", description = "MinInstanceNumber (default: ${DEFAULT-VALUE})")
  int min = 1;

  @Option(names = "--max", description = "MaxInstanceNumber (default: ${DEFAULT-VALUE})")
  int max = 30;

  @Option(
      names = "--initial",
      description = "initial DesireInstanceNumber, all InService (default: ${DEFAULT-VALUE})")
  int initial = 1;

  @Option(
      names = "--boot-seconds",
      paramLabel = "S",
      description = "seconds an instance stays Pending (default: ${DEFAULT-VALUE})")
  long bootSeconds = 180;

  @Option(
      names = "--boot-spread-seconds",
      paramLabel = "S",
      description = "extra random boot time per instance, up to S (default: ${DEFAULT-VALUE})")
  long bootSpreadSeconds;

  @Option(
      names = "--removal-seconds",
      paramLabel = "S",
      description = "seconds a removed instance stays Removing (default: ${DEFAULT-VALUE})")
  long removalSeconds = 30;

  @Option(
      names = "--ingestion-lag-seconds",
      paramLabel = "S",
      description = "a CloudMonitor point appears S seconds after its period (default: 60)")
  long ingestionLagSeconds = 60;

  @Option(
      names = "--missing-point-rate",
      paramLabel = "R",
      description = "share of points never delivered, 0 <= R < 1 (default: ${DEFAULT-VALUE})")
  double missingPointRate;

  @Option(names = "--seed", description = "seed for boot spread and missing points (default: 1)")
  long seed = 1;

  @Option(
      names = "--fault",
      paramLabel = "ACTION=KIND[:N]",
      description =
          "inject a fault, repeatable: KIND is 429|500|502|503|504|latency-5s|drop|malformed|"
              + "error200|empty|stale-600s|partial; N = for the next N calls (default: every call)."
              + " E.g. --fault ModifyScalingGroup=429:3")
  List<String> faults = new ArrayList<>();

  EmulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = context.environment(envFile.path());
    List<Problem> problems = new ArrayList<>();
    List<FaultSpec> faultSpecs = parseFaults(problems);
    LoadProfile traffic = traffic(problems);
    Keys keys = keys(env, problems);
    EmulatorConfig config = null;
    if (problems.isEmpty()) {
      config = config(env, traffic, keys, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    try (Emulator emulator = Emulator.start(config, context.clock())) {
      faultSpecs.forEach(emulator.faults()::inject);
      printExports(emulator, keys);
      context
          .err()
          .printf(
              "# BytePlus emulator on %s: group %s [%d..%d] desired %d, boot %d s, ALB %s;"
                  + " Ctrl-C to stop%n",
              emulator.endpoint(),
              config.scalingGroupId(),
              config.minInstances(),
              config.maxInstances(),
              config.initialDesired(),
              bootSeconds,
              config.albId());
      context.err().flush();
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private List<FaultSpec> parseFaults(List<Problem> problems) {
    List<FaultSpec> specs = new ArrayList<>();
    for (String text : faults) {
      try {
        specs.add(FaultSpec.parse(text));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem("--fault", text, e.getMessage()));
      }
    }
    return specs;
  }

  private LoadProfile traffic(List<Problem> problems) {
    if (trace != null && scenario != null) {
      problems.add(new Problem("--trace/--scenario", trace + " / " + scenario, "only one of them"));
      return null;
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      problems.add(new Problem("--scale", "" + scale, "a finite number > 0"));
      return null;
    }
    try {
      LoadProfile base =
          trace != null
              ? Trace.read(trace)
              : Scenarios.byName(scenario == null ? "ray-load-test" : scenario, userQps);
      return ScaledProfile.of(base, scale);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      String flag = trace != null ? "--trace" : scenario != null ? "--scenario" : "--user-qps";
      String value = trace != null ? trace.toString() : scenario != null ? scenario : "" + userQps;
      problems.add(new Problem(flag, value, "usable traffic (" + e.getMessage() + ")"));
      return null;
    }
  }

  private Keys keys(Map<String, String> env, List<Problem> problems) {
    String ak = accessKeyId != null ? accessKeyId : env.get("ACCESS_KEY_ID");
    String sk = secretAccessKey != null ? secretAccessKey : env.get("SECRET_ACCESS_KEY");
    boolean hasAk = ak != null && !ak.isBlank();
    boolean hasSk = sk != null && !sk.isBlank();
    if (hasAk && hasSk) {
      return new Keys(Credentials.of(ak, sk), false);
    }
    if (hasAk || hasSk) {
      problems.add(
          new Problem(
              hasAk ? "--secret-access-key" : "--access-key-id",
              "(missing)",
              "both keys, or neither to have them generated"));
      return null;
    }
    SecureRandom random = new SecureRandom();
    return new Keys(Credentials.of("AKLT" + random(random, 32), random(random, 40)), true);
  }

  private static String random(SecureRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
    }
    return sb.toString();
  }

  private EmulatorConfig config(
      Map<String, String> env, LoadProfile traffic, Keys keys, List<Problem> problems) {
    check(problems, "--port", port, port >= 0 && port <= 65535, "0..65535");
    check(problems, "--min", min, min >= 0 && min <= max, "0 <= min <= --max (" + max + ")");
    check(problems, "--max", max, max >= 1 && max <= 2000, "1..2000");
    check(problems, "--initial", initial, initial >= min && initial <= max, "in [--min, --max]");
    check(problems, "--boot-seconds", bootSeconds, bootSeconds >= 0, ">= 0");
    check(problems, "--boot-spread-seconds", bootSpreadSeconds, bootSpreadSeconds >= 0, ">= 0");
    check(problems, "--removal-seconds", removalSeconds, removalSeconds >= 0, ">= 0");
    check(
        problems, "--ingestion-lag-seconds", ingestionLagSeconds, ingestionLagSeconds >= 0, ">= 0");
    check(
        problems,
        "--missing-point-rate",
        missingPointRate,
        missingPointRate >= 0 && missingPointRate < 1,
        "0 <= rate < 1");
    String group = firstOf(groupId, env.get("AUTOSCALING_GROUP_ID"), "scg-emulator");
    String alb = firstOf(albId, env.get("ALB_ID"), "alb-emulator");
    check(problems, "--group-id", group, group.matches("scg-\\S+"), "scg-<id>");
    check(problems, "--alb-id", alb, alb.matches("alb-\\S+"), "alb-<id>");
    if (!problems.isEmpty()) {
      return null;
    }
    return EmulatorConfig.builder()
        .host(host)
        .port(port)
        .region(firstOf(region, env.get("REGION"), "ap-southeast-1"))
        .credentials(keys.credentials())
        .scalingGroupId(group)
        .albId(alb)
        .capacity(min, max, initial)
        .bootTime(Duration.ofSeconds(bootSeconds))
        .bootSpread(Duration.ofSeconds(bootSpreadSeconds))
        .removalTime(Duration.ofSeconds(removalSeconds))
        .loadProfile(traffic)
        .ingestionLag(Duration.ofSeconds(ingestionLagSeconds))
        .missingPointRate(missingPointRate)
        .seed(seed)
        .build();
  }

  private static void check(
      List<Problem> problems, String flag, Object value, boolean ok, String allowed) {
    if (!ok) {
      problems.add(new Problem(flag, String.valueOf(value), allowed));
    }
  }

  private static String firstOf(String option, String env, String fallback) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    return env != null && !env.isBlank() ? env : fallback;
  }

  private void printExports(Emulator emulator, Keys keys) {
    EmulatorConfig config = emulator.config();
    if (keys.generated()) {
      export("ACCESS_KEY_ID", keys.credentials().accessKeyId());
      export("SECRET_ACCESS_KEY", keys.credentials().secretAccessKey());
    }
    export("AUTOSCALING_ENDPOINT", emulator.endpoint().toString());
    export("CLOUDMONITOR_ENDPOINT", emulator.endpoint().toString());
    export("AUTOSCALING_GROUP_ID", config.scalingGroupId());
    export("ALB_ID", config.albId());
    export("REGION", config.region());
    context.out().flush();
  }

  private void export(String name, String value) {
    context.out().println("export " + name + "=" + value);
  }

  /** The accepted key pair, and whether this command made it up (and so must print it). */
  private record Keys(Credentials credentials, boolean generated) {}
}
