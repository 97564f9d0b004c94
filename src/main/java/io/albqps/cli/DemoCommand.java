package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.config.Variable;
import io.albqps.demo.Demo;
import io.albqps.demo.DemoOptions;
import io.albqps.demo.DemoReport;
import io.albqps.demo.DemoResult;
import io.albqps.function.LogSetup;
import io.albqps.sim.Charts;
import io.albqps.sim.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the real function (client, signer, file state store, engine) against the embedded
 * BytePlus emulator on a virtual clock, through the Ray Serve tutorial's load test on the
 * simulator's model fleet; needs no account and no settings, and finishes in seconds.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the real function against the local BytePlus emulator in virtual time, through the"
          + " Ray Serve tutorial's load test (1 -> 20 -> 40 -> 20 -> 1 users over 11 minutes),"
          + " and prints what it did. Needs no account."
    })
final class DemoCommand implements Callable<Integer> {
  /** Identities Settings requires; the demo's group and ALB live in the emulator. */
  private static final Map<String, String> DEMO_IDS =
      Map.of("AUTOSCALING_GROUP_ID", "scg-demo", "ALB_ID", "alb-demo");

  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @Option(
      names = "--qps-per-user",
      defaultValue = "10",
      description = "QPS each simulated user sends (default ${DEFAULT-VALUE})")
  double qpsPerUser;

  @Option(
      names = "--boot-seconds",
      defaultValue = "180",
      description = "seconds a new instance takes to boot, GPU-like (default ${DEFAULT-VALUE})")
  long bootSeconds;

  @Option(
      names = "--staggered",
      description = "four copies of the function at 0/15/30/45 s instead of one every minute")
  boolean staggered;

  @Option(
      names = "--minutes",
      defaultValue = "30",
      description = "simulated minutes to run; the load test takes 11 (default ${DEFAULT-VALUE})")
  long minutes;

  @Option(
      names = "--preset",
      paramLabel = "P",
      defaultValue = "production",
      description = "SCALING_PRESET of the function (default ${DEFAULT-VALUE}, as recommended)")
  String preset;

  @Option(
      names = "--target-qps",
      description = "TARGET_QPS_PER_INSTANCE (default: the preset's, else 50)")
  Double targetQps;

  @Option(
      names = "--metric-period",
      description = "METRIC_PERIOD, seconds of QPS look-back (default: the preset's)")
  Long metricPeriodSeconds;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "also write the simulator's report.md, metrics.csv, timeseries.csv and charts"
              + " (qps_over_time.png, instances_over_time.png, latency_over_time.png,"
              + " dashboard.png) here")
  Path out;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException, ConfigException {
    LogSetup.level("WARN");
    DemoOptions options;
    try {
      options =
          new DemoOptions(
              qpsPerUser,
              Duration.ofSeconds(bootSeconds),
              staggered,
              Duration.ofMinutes(minutes),
              Settings.parse(environment()),
              preset,
              20);
    } catch (IllegalArgumentException e) {
      throw ConfigException.single("demo options", "(options)", e.getMessage());
    }
    DemoResult result = Demo.run(options);
    context.out().print(DemoReport.table(result));
    context.out().println();
    context.out().print(DemoReport.summary(result));
    if (out != null) {
      List<String> charts = Charts.writeAll(result.simulation(), out);
      Report.writeAll(result.simulation(), out, charts);
      context
          .out()
          .println(
              "wrote "
                  + out
                  + ": report.md, metrics.csv, timeseries.csv, "
                  + String.join(", ", charts));
    }
    return Main.EXIT_OK;
  }

  /** The function's settings: the env file and process environment, the preset, the flags. */
  private Map<String, String> environment() throws ConfigException {
    Map<String, String> env = new LinkedHashMap<>(DEMO_IDS);
    env.putAll(context.environment(envFile.path()));
    env.put(Variable.SCALING_PRESET.envName(), preset);
    if (targetQps != null) {
      env.put(Variable.TARGET_QPS_PER_INSTANCE.envName(), Double.toString(targetQps));
    }
    if (metricPeriodSeconds != null) {
      env.put(Variable.METRIC_PERIOD.envName(), Long.toString(metricPeriodSeconds));
    }
    return env;
  }
}
