package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.config.Source;
import io.albqps.config.SourcedValue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code validate}: shows every setting with its (masked) value and where it came from, then the
 * warnings, so a configuration can be checked before it is deployed. Exit 2 lists every error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the settings: prints every variable with its value (secrets masked) and its source"
          + " (default, preset or env), then the warnings.",
      "Exits 0 when the configuration is usable, 2 with the complete list of errors otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  static final String ROLE_CREDENTIALS_WARNING =
      "ACCESS_KEY_ID and SECRET_ACCESS_KEY are not set: the function will need role credentials"
          + " from the platform (bind a role to the veFaaS function), and CLI commands that call"
          + " the API will fail";

  private final CliContext context;

  @Mixin EnvFileOption envFile;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ConfigException {
    Settings settings = Settings.parse(context.environment(envFile.path()));
    PrintWriter out = context.out();
    out.println(
        "Configuration is valid"
            + settings.preset().map(p -> " (preset " + p + ")").orElse("")
            + ".");
    out.println();
    printTable(settings, out);
    out.println();
    printDerived(settings, out);
    out.println();
    printWarnings(warnings(settings), out);
    return Main.EXIT_OK;
  }

  private static void printTable(Settings settings, PrintWriter out) {
    int width =
        settings.sources().stream().mapToInt(s -> s.variable().envName().length()).max().orElse(0);
    int valueWidth =
        Math.min(48, settings.sources().stream().mapToInt(s -> shown(s).length()).max().orElse(0));
    String format = "%-" + width + "s  %-" + valueWidth + "s  %s%n";
    out.printf(format, "VARIABLE", "VALUE", "SOURCE");
    for (SourcedValue value : settings.sources()) {
      out.printf(format, value.variable().envName(), shown(value), source(value, settings));
    }
  }

  private static void printDerived(Settings settings, PrintWriter out) {
    out.println("Derived:");
    out.printf("  state file              %s%n", settings.stateFile());
    out.printf(
        "  CloudMonitor period     %d s (from METRIC_PERIOD=%d)%n",
        settings.cloudMonitorPeriod().toSeconds(), settings.metricPeriod().toSeconds());
    out.printf("  AutoScaling endpoint    %s%n", settings.autoscalingEndpoint());
    out.printf(
        "  CloudMonitor endpoint   %s (service %s)%n",
        settings.cloudMonitorEndpoint(), settings.cloudMonitorService().serviceName());
    out.printf(
        "  credentials             %s%n",
        settings.credentials().isPresent()
            ? "access keys from the environment"
            : "role (platform)");
  }

  private static List<String> warnings(Settings settings) {
    List<String> warnings = new ArrayList<>(settings.warnings());
    if (settings.credentials().isEmpty()) {
      warnings.add(ROLE_CREDENTIALS_WARNING);
    }
    return warnings;
  }

  private static void printWarnings(List<String> warnings, PrintWriter out) {
    if (warnings.isEmpty()) {
      out.println("No warnings.");
      return;
    }
    out.println("Warnings (" + warnings.size() + "):");
    for (String warning : warnings) {
      out.println("  - " + warning);
    }
  }

  private static String shown(SourcedValue value) {
    return value.shownValue().isEmpty() ? "(unset)" : value.shownValue();
  }

  private static String source(SourcedValue value, Settings settings) {
    if (value.source() == Source.PRESET) {
      return "preset " + settings.preset().orElseThrow();
    }
    return value.source() == Source.ENV ? "env" : "default";
  }
}
