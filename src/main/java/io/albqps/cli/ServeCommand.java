package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.LogFormat;
import io.albqps.config.Settings;
import io.albqps.function.FunctionWiring;
import io.albqps.function.HttpRuntime;
import io.albqps.function.LogSetup;
import io.albqps.function.RuntimeOptions;
import io.albqps.function.ScalingHandler;
import io.albqps.function.StartupPriming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}: the veFaaS native/v1 runtime. Validates the settings once, builds the handler and
 * its clients once, then answers invocations until SIGTERM (which lets the one in flight finish).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the function over HTTP as the veFaaS native/v1 runtime expects: GET /v1/ping, and"
          + " every other request an invocation.",
      "Port from _FAAS_RUNTIME_PORT, else _BYTEFAAS_RUNTIME_PORT, else 8000; deadline from"
          + " _FAAS_FUNC_TIMEOUT."
    })
final class ServeCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @Option(names = "--port", description = "listen on this port instead of the platform's")
  Integer port;

  @Option(names = "--host", description = "bind address (default 0.0.0.0)")
  String host;

  ServeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ConfigException, IOException, InterruptedException {
    return serve(context, envFile.path(), host, port);
  }

  /**
   * Serves until stopped. Static so {@link Main} can call it for a bare {@code serve} without
   * building the picocli model of every command first (about 0.3 s of a cold start).
   */
  static int serve(CliContext context, Path envFile, String host, Integer port)
      throws ConfigException, IOException, InterruptedException {
    StartupPriming priming = StartupPriming.begin(context.clock());
    try {
      return serve(context, envFile, host, port, priming);
    } finally {
      priming.finish();
    }
  }

  private static int serve(
      CliContext context, Path envFile, String host, Integer port, StartupPriming priming)
      throws ConfigException, IOException, InterruptedException {
    Map<String, String> env = context.environment(envFile);
    Settings settings = Settings.parse(env);
    priming.awaitLogging();
    if (settings.logFormat().resolve(System.console() != null) == LogFormat.JSON) {
      LogSetup.jsonToStdout(settings.logLevel().name());
    } else {
      LogSetup.level(settings.logLevel().name());
    }
    RuntimeOptions options = RuntimeOptions.fromEnvironment(env);
    if (port != null || host != null) {
      options =
          options.at(host == null ? options.host() : host, port == null ? options.port() : port);
    }
    ScalingHandler handler = FunctionWiring.handler(settings, context.clock());
    priming.then("cloud client", handler::prepare);
    priming.finish();
    HttpRuntime runtime = HttpRuntime.start(handler, options, context.clock());
    runtime.stopOnShutdown();
    runtime.awaitStop();
    return Main.EXIT_OK;
  }
}
