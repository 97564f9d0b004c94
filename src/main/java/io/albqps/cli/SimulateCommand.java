package io.albqps.cli;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.config.Variable;
import io.albqps.function.LogSetup;
import io.albqps.sim.Charts;
import io.albqps.sim.ClusterModel;
import io.albqps.sim.EndToEnd;
import io.albqps.sim.Policies;
import io.albqps.sim.ProgressListener;
import io.albqps.sim.Report;
import io.albqps.sim.Simulation;
import io.albqps.sim.SimulationResult;
import io.albqps.sim.SweepReport;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.ScaledProfile;
import io.albqps.traffic.Scenarios;
import io.albqps.traffic.Trace;
import io.albqps.traffic.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: replays a trace or a built-in scenario through our policy and the baselines on
 * a model GPU fleet, prints the elasticity metrics and, with {@code --out}, writes the report, the
 * CSVs and the charts, so a configuration can be judged before it is deployed.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Replay a trace or scenario through ours and the baselines on a model fleet.")
final class SimulateCommand implements Callable<Integer> {
  /** Identities Settings requires; a simulation touches no real group or ALB. */
  private static final Map<String, String> SIMULATED_IDS =
      Map.of("AUTOSCALING_GROUP_ID", "scg-simulated", "ALB_ID", "alb-simulated");

  private final CliContext context;

  @Mixin EnvFileOption envFile;

  @ArgGroup(multiplicity = "1")
  Input input;

  /** Exactly one source of load. */
  static final class Input {
    @Option(
        names = "--trace",
        paramLabel = "FILE",
        description = "t,qps or timestamp,value CSV, or a request log")
    Path trace;

    @Option(
        names = "--scenario",
        paramLabel = "NAME",
        description = "ray-load-test, step, spike, ramp or diurnal")
    String scenario;
  }

  @Option(names = "--scale", defaultValue = "1", description = "multiply the load (default 1)")
  double scale;

  @Option(
      names = "--user-qps",
      description = "QPS per user in ray-load-test (default: ${DEFAULT-VALUE})")
  double userQps = Scenarios.DEFAULT_USER_QPS;

  @Option(
      names = "--policies",
      paramLabel = "LIST",
      defaultValue = "ours,original,hpa,ray,aws-target-tracking,oracle",
      description =
          "comma-separated, from ours,original,hpa,ray,aws-target-tracking,oracle,oracle-flap-free"
              + " (default: ${DEFAULT-VALUE})")
  String policies;

  @Option(names = "--preset", paramLabel = "P", description = "SCALING_PRESET for ours")
  String preset;

  @Option(
      names = "--env",
      paramLabel = "FILE",
      description = "dotenv settings for ours (like --env-file)")
  Path oursEnv;

  @Option(names = "--boot-seconds", defaultValue = "240", description = "mean boot time (240)")
  long bootSeconds;

  @Option(names = "--boot-spread-seconds", defaultValue = "60", description = "boot time ± (60)")
  long bootSpreadSeconds;

  @Option(
      names = "--activity-seconds",
      description =
          "seconds a scale-out keeps the group locked after it launches an instance (default:"
              + " until the instance serves)")
  Long activitySeconds;

  @Option(
      names = "--capacity-qps",
      description = "QPS one instance serves within the SLO (default: ours' target / 0.8)")
  Double capacityQps;

  @Option(names = "--initial-instances", description = "default: the first step's demand")
  Integer initialInstances;

  @Option(names = "--min-instances", defaultValue = "1", description = "group minimum (1)")
  int minInstances;

  @Option(names = "--max-instances", defaultValue = "40", description = "group maximum (40)")
  int maxInstances;

  @Option(names = "--eval-interval", defaultValue = "60", description = "seconds: 60, or 15")
  long evalInterval;

  @Option(names = "--staggered", description = "four copies 15 s apart sharing one state")
  boolean staggered;

  @Option(names = "--metric-period", description = "METRIC_PERIOD (look-back seconds) for ours")
  Long metricPeriod;

  @Option(
      names = "--cloudmonitor-period",
      description = "seconds between CloudMonitor points (default: as the function picks it)")
  Long cloudMonitorPeriod;

  @Option(
      names = "--lag",
      defaultValue = "60",
      description = "seconds a point appears after its period ends (60)")
  long lagSeconds;

  @Option(names = "--step-seconds", defaultValue = "15", description = "simulation step (15)")
  long stepSeconds;

  @Option(names = "--seed", defaultValue = "1", description = "seeds the boot times (1)")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "write report.md, CSVs and charts here")
  Path out;

  @Option(
      names = "--mode",
      defaultValue = "engine",
      description =
          "engine (policies called directly) or e2e (ours runs as the real function against the"
              + " local emulator; the baselines and the oracle stay in engine mode)")
  String mode;

  @Option(
      names = "--sweep",
      paramLabel = "PARAM=v1,v2,...",
      description =
          "run once per value of a settings variable, e.g. DOWNSCALE_DELAY_SECONDS=300,600;"
              + " ends with ours' figures per value, and with --out also writes sweep.csv and"
              + " tradeoff.png (SLO-violation minutes against GPU-hours ÷ the oracle's)")
  String sweep;

  SimulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws ConfigException, IOException {
    if (!"engine".equals(mode) && !"e2e".equals(mode)) {
      throw ConfigException.single("--mode", mode, "engine or e2e");
    }
    if ("e2e".equals(mode)) {
      LogSetup.level("WARN");
    }
    List<String> names = parsePolicies();
    LoadProfile load;
    try {
      load = load();
    } catch (TraceFormatException | UncheckedIOException e) {
      context.err().println("error: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Map<String, String> env = baseEnvironment();
    if (sweep == null) {
      SimulationResult result = simulate(load, Settings.parse(env), names);
      context.out().print(Report.table(result));
      if (out != null) {
        write(result, out);
        context.out().println("wrote " + out);
      }
      return Main.EXIT_OK;
    }
    Sweep plan = Sweep.parse(sweep);
    List<Settings> settingsPerValue = parseSweep(plan, env);
    List<SweepReport.Point> points = new ArrayList<>();
    for (int i = 0; i < plan.values().size(); i++) {
      String value = plan.values().get(i);
      SimulationResult result = simulate(load, settingsPerValue.get(i), names);
      context.out().println("## " + plan.variable() + "=" + value);
      context.out().print(Report.table(result));
      context.out().println();
      if (out != null) {
        write(result, out.resolve(plan.variable().toLowerCase(Locale.ROOT) + "-" + value));
      }
      points.add(SweepReport.Point.of(value, result));
    }
    SweepReport report = new SweepReport(label(), plan.variable(), points);
    String oursTable = report.oursTable();
    if (!oursTable.isEmpty()) {
      context.out().println("## ours across " + plan.variable());
      context.out().print(oursTable);
    }
    if (out != null) {
      writeSweep(report, out);
    }
    return Main.EXIT_OK;
  }

  /**
   * Every value's settings, parsed (and its model checked) before the first run, so a bad value is
   * reported with all the others, once each, and no folder is written for a sweep that cannot
   * finish.
   */
  private List<Settings> parseSweep(Sweep plan, Map<String, String> env) throws ConfigException {
    if (plan.variable().equals(Variable.TARGET_QPS_PER_INSTANCE.envName()) && capacityQps == null) {
      throw ConfigException.single(
          "--sweep",
          plan.variable() + "=...",
          "together with --capacity-qps: without it each target models another instance"
              + " (capacity = target / 0.8)");
    }
    List<Settings> settings = new ArrayList<>();
    // a set: a problem of the model's options (not of the value) is the same at every value
    Set<ConfigException.Problem> problems = new LinkedHashSet<>();
    for (String value : plan.values()) {
      try {
        Settings parsed = Settings.parse(plan.at(env, value));
        cluster(parsed);
        settings.add(parsed);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(List.copyOf(problems));
    }
    return settings;
  }

  /**
   * The sweep's summary beside the per-value folders: {@code sweep.csv} and the trade-off chart.
   */
  private void writeSweep(SweepReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("sweep.csv"), report.csv(), StandardCharsets.UTF_8);
    if (Charts.writeTradeoff(report, dir)) {
      context.out().println("wrote " + dir + " (sweep.csv, " + Charts.TRADEOFF_FILE + ")");
    } else {
      context
          .out()
          .println(
              "wrote "
                  + dir
                  + " (sweep.csv; no "
                  + Charts.TRADEOFF_FILE
                  + ": its x axis needs the oracle in --policies)");
    }
  }

  private SimulationResult simulate(LoadProfile load, Settings settings, List<String> names)
      throws ConfigException {
    ClusterModel cluster = cluster(settings);
    try (EndToEnd ours =
        EndToEnd.of(settings.policy(), settings.metricPeriod(), settings.cloudMonitorPeriod())) {
      if ("e2e".equals(mode)
          && !cluster.cloudMonitorPeriod().equals(settings.cloudMonitorPeriod())) {
        throw ConfigException.single(
            "--cloudmonitor-period",
            Long.toString(cluster.cloudMonitorPeriod().toSeconds()),
            settings.cloudMonitorPeriod().toSeconds()
                + " in e2e mode: the period the function asks for with METRIC_PERIOD "
                + settings.metricPeriod().toSeconds());
      }
      Simulation.Builder builder = Simulation.builder().load(load, label()).cluster(cluster);
      for (String name : names) {
        builder.policy(
            name,
            "e2e".equals(mode) && "ours".equals(name)
                ? ours
                : Policies.factory(name, settings.policy(), settings.metricPeriod()));
      }
      return run(builder.build());
    }
  }

  private SimulationResult run(Simulation simulation) {
    if (System.console() == null) {
      return simulation.run(ProgressListener.NONE);
    }
    try (ProgressBar bar = progressBar(simulation.steps())) {
      return simulation.run((done, total) -> bar.stepTo(done));
    }
  }

  private ProgressBar progressBar(long steps) {
    return new ProgressBarBuilder()
        .setTaskName("simulate")
        .setInitialMax(steps)
        .setConsumer(
            new DelegatingProgressBarConsumer(
                line -> {
                  context.err().print('\r' + line);
                  context.err().flush();
                }))
        .build();
  }

  private ClusterModel cluster(Settings settings) throws ConfigException {
    long interval = staggered ? 15 : evalInterval;
    if (interval != 60 && interval != 15) {
      throw ConfigException.single("--eval-interval", Long.toString(interval), "60 or 15");
    }
    Duration period =
        cloudMonitorPeriod == null
            ? settings.cloudMonitorPeriod()
            : Duration.ofSeconds(cloudMonitorPeriod);
    double target = settings.policy().targetQpsPerInstance();
    try {
      ClusterModel.Builder b =
          ClusterModel.builder(target)
              .bootTime(Duration.ofSeconds(bootSeconds))
              .bootSpread(Duration.ofSeconds(bootSpreadSeconds))
              .minInstances(minInstances)
              .maxInstances(maxInstances)
              .step(Duration.ofSeconds(stepSeconds))
              .cloudMonitorPeriod(period)
              .ingestionLag(Duration.ofSeconds(lagSeconds))
              .evalInterval(Duration.ofSeconds(interval))
              .seed(seed);
      if (capacityQps != null) {
        b.capacityQps(capacityQps);
      }
      if (initialInstances != null) {
        b.initialInstances(initialInstances);
      }
      if (activitySeconds != null) {
        if (activitySeconds < 0) {
          throw ConfigException.single(
              "--activity-seconds", Long.toString(activitySeconds), "an integer >= 0");
        }
        b.activityLock(Duration.ofSeconds(activitySeconds));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ConfigException.single("simulation model", "(options)", e.getMessage());
    }
  }

  private Map<String, String> baseEnvironment() throws ConfigException {
    if (oursEnv != null && envFile.path() != null) {
      throw ConfigException.single(
          "--env", oursEnv.toString(), "either --env or --env-file, not both");
    }
    Map<String, String> env = new LinkedHashMap<>(SIMULATED_IDS);
    env.putAll(context.environment(oursEnv != null ? oursEnv : envFile.path()));
    if (preset != null) {
      env.put(Variable.SCALING_PRESET.envName(), preset);
    }
    if (metricPeriod != null) {
      env.put(Variable.METRIC_PERIOD.envName(), Long.toString(metricPeriod));
    }
    return env;
  }

  private List<String> parsePolicies() throws ConfigException {
    try {
      return Policies.parse(policies);
    } catch (IllegalArgumentException e) {
      throw ConfigException.single(
          "--policies", policies, String.join(",", Policies.NAMES) + " (" + e.getMessage() + ")");
    }
  }

  private LoadProfile load() throws ConfigException {
    LoadProfile base;
    if (input.trace != null) {
      base = Trace.read(input.trace);
    } else {
      try {
        base = Scenarios.byName(input.scenario, userQps);
      } catch (IllegalArgumentException e) {
        throw ConfigException.single(
            "--scenario", input.scenario, String.join(", ", Scenarios.names()));
      }
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw ConfigException.single("--scale", Double.toString(scale), "a finite number > 0");
    }
    return ScaledProfile.of(base, scale);
  }

  private String label() {
    return input.trace != null ? input.trace.getFileName().toString() : input.scenario;
  }

  private static void write(SimulationResult result, Path dir) throws IOException {
    List<String> charts = Charts.writeAll(result, dir);
    Report.writeAll(result, dir, charts);
  }

  /**
   * {@code --sweep VARIABLE=v1,v2,...}: a setting that changes ours' decisions (one a preset may
   * set, the preset itself, or the target), never an identity, endpoint or secret, which the
   * simulation ignores and whose values must not reach a folder name or the terminal.
   */
  record Sweep(String variable, List<String> values) {
    private static final String FORMAT =
        "VARIABLE=v1,v2,... with a settings variable such as DOWNSCALE_DELAY_SECONDS";

    static Sweep parse(String text) throws ConfigException {
      int eq = text.indexOf('=');
      String name = eq < 0 ? text : text.substring(0, eq).trim();
      Optional<Variable> variable = eq <= 0 ? Optional.empty() : Variable.byEnvName(name);
      if (variable.isEmpty()) {
        throw ConfigException.single("--sweep", eq <= 0 ? text : name + "=...", FORMAT);
      }
      if (!sweepable(variable.get())) {
        throw ConfigException.single("--sweep", name + "=...", sweepableNames());
      }
      List<String> values =
          Arrays.stream(text.substring(eq + 1).split(","))
              .map(String::trim)
              .filter(v -> !v.isEmpty())
              .toList();
      if (values.isEmpty()) {
        throw ConfigException.single("--sweep", text, "at least one value after " + name + "=");
      }
      return new Sweep(name, values);
    }

    /** {@code env} with the swept variable set to {@code value}. */
    Map<String, String> at(Map<String, String> env, String value) {
      Map<String, String> swept = new LinkedHashMap<>(env);
      swept.put(variable, value);
      return swept;
    }

    static boolean sweepable(Variable variable) {
      return variable.presettable()
          || variable == Variable.SCALING_PRESET
          || variable == Variable.TARGET_QPS_PER_INSTANCE;
    }

    private static String sweepableNames() {
      StringJoiner names = new StringJoiner(", ", "a setting that changes ours' decisions: ", "");
      for (Variable v : Variable.values()) {
        if (sweepable(v)) {
          names.add(v.envName());
        }
      }
      return names.toString();
    }
  }
}
