package io.albqps.sim;

import io.albqps.engine.Baselines;
import io.albqps.engine.Policy;
import io.albqps.engine.ScalingEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The policies the {@code simulate} command knows by name: {@code ours} (our engine with the user's
 * settings), the baselines of {@link Baselines}, the {@code oracle}, and on request the {@code
 * oracle-flap-free}. Every policy but the two oracles runs at the model's evaluation interval on
 * the same lagged points; the baselines size for ours' target.
 */
public final class Policies {
  /** Every name, in the order reports show them. */
  public static final List<String> NAMES =
      List.of(
          "ours",
          "original",
          "hpa",
          "ray",
          "aws-target-tracking",
          Simulation.ORACLE,
          Simulation.FLAP_FREE_ORACLE);

  /** The look-back of the original solution ({@code METRIC_PERIOD}'s default). */
  static final Duration ORIGINAL_LOOK_BACK = Duration.ofSeconds(300);

  private Policies() {}

  /**
   * The names in {@code csv} (comma-separated), checked; an error names the unknown one and the
   * allowed ones.
   */
  public static List<String> parse(String csv) {
    List<String> names = new ArrayList<>();
    for (String raw : csv.split(",", -1)) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown policy '" + raw.trim() + "'; expected some of " + String.join(",", NAMES));
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The factory of the policy called {@code name}.
   *
   * @param ours our engine's rules (their target also sizes the baselines)
   * @param oursLookBack ours' {@code METRIC_PERIOD}
   */
  public static SourceFactory factory(String name, Policy ours, Duration oursLookBack) {
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(oursLookBack, "oursLookBack");
    double target = ours.targetQpsPerInstance();
    return switch (name) {
      case "ours" ->
          (cluster, foresight) ->
              new AutoscalerSource(ScalingEngine.ours(ours), cluster.evalInterval(), oursLookBack);
      case "original" ->
          (cluster, foresight) ->
              new AutoscalerSource(
                  Baselines.original(target), cluster.evalInterval(), ORIGINAL_LOOK_BACK);
      case Simulation.ORACLE -> SourceFactory.ORACLE;
      case Simulation.FLAP_FREE_ORACLE -> SourceFactory.FLAP_FREE_ORACLE;
      default -> baseline(name, target);
    };
  }

  /**
   * A baseline reading the newest points: it asks for twice the ingestion lag plus one CloudMonitor
   * period, so the window holds the newest published point at any evaluation offset (staggered
   * copies included) and at least half the points it expects: it is never partial while points
   * arrive.
   */
  private static SourceFactory baseline(String name, double target) {
    Baselines.byName(name, target); // fails now, not mid-run, on an unknown name
    return (cluster, foresight) ->
        new AutoscalerSource(
            Baselines.byName(name, target), cluster.evalInterval(), baselineLookBack(cluster));
  }

  /** The look-back the baselines ask for on {@code cluster}. */
  static Duration baselineLookBack(ClusterModel cluster) {
    return cluster.ingestionLag().plus(cluster.cloudMonitorPeriod()).multipliedBy(2);
  }
}
