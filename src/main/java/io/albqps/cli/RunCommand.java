package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.function.Event;
import io.albqps.function.FunctionWiring;
import io.albqps.function.InvocationContext;
import io.albqps.function.LogSetup;
import io.albqps.function.Response;
import io.albqps.function.ResponseJson;
import io.albqps.function.ScalingHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: one scaling evaluation with the settings of the environment, exactly as a timer
 * invocation would do it (without the initial delay); prints the response JSON.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one scaling evaluation with the env settings and prints the response JSON.",
      "Exits 0 on success, 1 when the evaluation failed (statusCode 500), 2 on bad settings."
    })
final class RunCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @Option(
      names = "--dry-run",
      description = "decide and report, but change nothing (no ModifyScalingGroup, no cooldowns)")
  boolean dryRun;

  RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ConfigException {
    Settings settings = Settings.parse(context.environment(envFile.path()));
    settings.requireCredentials();
    LogSetup.level(settings.logLevel().name());
    try (ScalingHandler handler = FunctionWiring.handler(settings, context.clock())) {
      InvocationContext invocation =
          InvocationContext.of(
              "cli-" + context.clock().millis(),
              "alb-qps-autoscaler",
              settings.functionTimeout(),
              context.clock());
      Response response = handler.handleRequest(Event.evaluation(dryRun), invocation);
      context.out().println(new ResponseJson(ResponseJson.mapper()).writePretty(response));
      return response.failed() ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }
  }
}
