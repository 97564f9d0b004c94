package io.albqps.cli;

import io.albqps.engine.Policy;
import io.albqps.function.Demo;
import io.albqps.function.DemoCharts;
import io.albqps.function.DemoOptions;
import io.albqps.function.DemoReport;
import io.albqps.function.DemoResult;
import io.albqps.function.LogSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the real function (client, signer, file state store, engine) against the embedded
 * BytePlus emulator on a virtual clock, through the Ray Serve tutorial's load test; needs no
 * account and no settings, and finishes in seconds.
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
      defaultValue = "25",
      description = "simulated minutes to run; the load test takes 11 (default ${DEFAULT-VALUE})")
  long minutes;

  @Option(
      names = "--target-qps",
      defaultValue = "50",
      description = "TARGET_QPS_PER_INSTANCE (default ${DEFAULT-VALUE})")
  double targetQps;

  @Option(
      names = "--metric-period",
      defaultValue = "120",
      description = "METRIC_PERIOD, seconds of QPS look-back (default ${DEFAULT-VALUE})")
  long metricPeriodSeconds;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "also write demo.csv and charts (demo_qps.png, demo_instances.png) here")
  Path out;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    LogSetup.level("WARN");
    DemoOptions options =
        new DemoOptions(
            qpsPerUser,
            Duration.ofSeconds(bootSeconds),
            staggered,
            Duration.ofMinutes(minutes),
            Policy.builder().targetQpsPerInstance(targetQps).build(),
            Duration.ofSeconds(metricPeriodSeconds),
            20);
    Path stateDir = Files.createTempDirectory("alb-qps-demo-");
    DemoResult result;
    try {
      result = Demo.run(options, stateDir);
    } finally {
      deleteTree(stateDir);
    }
    context.out().print(DemoReport.table(result));
    context.out().println();
    context.out().print(DemoReport.summary(result));
    if (out != null) {
      Files.createDirectories(out);
      DemoReport.writeCsv(result, out);
      for (Path chart : DemoCharts.writeAll(result, out)) {
        context.out().println("wrote " + chart);
      }
    }
    return result.errors() == 0 ? 0 : 1;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
