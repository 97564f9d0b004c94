package io.albqps.sim;

import io.albqps.engine.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The e2e fidelity of our policy: each run gets the local BytePlus emulator and the real function
 * (handler, HTTP client, signer, file state store in a temporary directory), which the simulation
 * drives through {@link EndToEndSource}. Closing it stops every emulator and handler it started and
 * deletes their state files.
 *
 * <pre>{@code
 * try (EndToEnd ours = EndToEnd.of(policy, metricPeriod, cloudMonitorPeriod)) {
 *   result = Simulation.builder().load(load, label).cluster(cluster)
 *       .policy("ours", ours).build().run(ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class EndToEnd implements SourceFactory, AutoCloseable {
  private final Policy policy;
  private final Duration metricPeriod;
  private final Duration cloudMonitorPeriod;
  private final Consumer<Invocation> observer;
  private final List<EndToEndSource> started = new ArrayList<>();
  private final List<Path> stateDirs = new ArrayList<>();

  private EndToEnd(
      Policy policy,
      Duration metricPeriod,
      Duration cloudMonitorPeriod,
      Consumer<Invocation> observer) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.metricPeriod = Objects.requireNonNull(metricPeriod, "metricPeriod");
    this.cloudMonitorPeriod = Objects.requireNonNull(cloudMonitorPeriod, "cloudMonitorPeriod");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Our policy as the function runs it.
   *
   * @param metricPeriod the function's look-back ({@code METRIC_PERIOD})
   * @param cloudMonitorPeriod the CloudMonitor period the function asks for with that look-back
   *     ({@code Settings.cloudMonitorPeriod()}); the simulated cluster must publish at this period
   */
  public static EndToEnd of(Policy policy, Duration metricPeriod, Duration cloudMonitorPeriod) {
    return new EndToEnd(policy, metricPeriod, cloudMonitorPeriod, invocation -> {});
  }

  /** The same, telling {@code observer} of every invocation as it happens. */
  public EndToEnd observedBy(Consumer<Invocation> newObserver) {
    return new EndToEnd(policy, metricPeriod, cloudMonitorPeriod, newObserver);
  }

  @Override
  public synchronized DecisionSource create(ClusterModel cluster, Foresight foresight) {
    if (!cluster.cloudMonitorPeriod().equals(cloudMonitorPeriod)) {
      throw new IllegalArgumentException(
          "e2e mode needs the cluster's CloudMonitor period to be the one the function asks for"
              + " with METRIC_PERIOD "
              + metricPeriod.toSeconds()
              + " s ("
              + cloudMonitorPeriod.toSeconds()
              + " s), got "
              + cluster.cloudMonitorPeriod().toSeconds()
              + " s");
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("alb-qps-e2e-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the e2e state directory", e);
    }
    stateDirs.add(dir);
    EndToEndSource source =
        new EndToEndSource(
            policy, metricPeriod, cluster, dir.resolve("scaling_state.json"), observer);
    started.add(source);
    return source;
  }

  @Override
  public synchronized void close() {
    started.forEach(EndToEndSource::close);
    started.clear();
    for (Path dir : stateDirs) {
      deleteTree(dir);
    }
    stateDirs.clear();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the e2e state directory " + dir, e);
    }
  }
}
