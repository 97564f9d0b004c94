package io.albqps.cli;

import io.albqps.config.ConfigException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command line: builds the {@link CliContext} from the real process (the only place besides the
 * HTTP runtime that reads the environment and standard streams) and dispatches to a command. Exit
 * codes: 0 ok, 1 runtime failure, 2 usage or configuration error.
 */
@Command(
    name = "alb-qps-autoscaler",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "QPS-driven autoscaler for BytePlus GPU inference fleets behind an ALB.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      StatusCommand.class,
      ServeCommand.class,
      EmulatorCommand.class,
      SimulateCommand.class,
      DemoCommand.class
    })
public final class Main implements Runnable {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private final CliContext context;

  @Spec CommandSpec spec;

  Main(CliContext context) {
    this.context = context;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, new CliContext(out, err, System.getenv(), Clock.systemUTC()));
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line against {@code context}; returns the exit code. */
  public static int run(String[] args, CliContext context) {
    if (args.length == 1 && "serve".equals(args[0])) {
      return serveWithoutPicocli(context);
    }
    CommandLine cli = new CommandLine(new Main(context), new ContextFactory(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> exitCode(ex, context));
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  /**
   * The platform starts the function as a bare {@code serve} (run.sh), and every millisecond of
   * that start delays the first decision; picocli's model of all seven commands is skipped here.
   * Same settings, errors and exit codes as through picocli (MainTest checks both ways agree).
   */
  private static int serveWithoutPicocli(CliContext context) {
    int code;
    try {
      code = ServeCommand.serve(context, null, null, null);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      code = exitCode(e, context);
    }
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static int exitCode(Exception ex, CliContext context) {
    if (ex instanceof ConfigException) {
      context.err().println(ex.getMessage());
      return EXIT_USAGE;
    }
    context.err().println("error: " + ex.getMessage());
    return EXIT_FAILURE;
  }

  @Override
  public void run() {
    // The spec's CommandLine was built with the context factory; a new one could not create
    // the subcommands, which take a CliContext.
    spec.commandLine().usage(context.out());
  }

  /** Creates commands that take a {@link CliContext}; everything else the picocli way. */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
        withContext.setAccessible(true);
        return withContext.newInstance(context);
      } catch (NoSuchMethodException e) {
        return fallback.create(type);
      }
    }
  }

  /** Reads the version from the jar manifest, or says it is a development build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"alb-qps-autoscaler " + (version == null ? "dev" : version)};
    }
  }
}
