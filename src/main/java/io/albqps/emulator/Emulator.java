package io.albqps.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.albqps.cloud.MetricSeries;
import io.albqps.time.Sleeper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local look-alike of the BytePlus AutoScaling and CloudMonitor APIs on one HTTP endpoint, so the
 * real client, unchanged, can be run and tested without a cloud account. Every request is signature
 * checked; the group and the metrics follow the injected {@link Clock} (virtual time in the demo
 * and the simulator).
 */
public final class Emulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SimulatedGroup group;
  private final Faults faults;
  private final TrafficModel traffic;

  private Emulator(
      EmulatorConfig config,
      Clock clock,
      HttpServer server,
      ExecutorService executor,
      SimulatedGroup group,
      Faults faults,
      TrafficModel traffic) {
    this.config = config;
    this.clock = clock;
    this.server = server;
    this.executor = executor;
    this.group = group;
    this.faults = faults;
    this.traffic = traffic;
  }

  /** Starts serving on {@code config.host():config.port()} (port 0 = an ephemeral port). */
  public static Emulator start(EmulatorConfig config, Clock clock) throws IOException {
    Instant start = clock.instant();
    SimulatedGroup group = new SimulatedGroup(config, start);
    Faults faults = new Faults();
    ObjectMapper mapper = new ObjectMapper();
    TrafficModel traffic = TrafficModel.of(config, start);
    EmulatorHandler handler =
        new EmulatorHandler(
            clock,
            config.region(),
            new SignatureVerifier(config.credentials(), config.maxClockSkew()),
            group,
            faults,
            new Envelope(mapper),
            new AutoScalingActions(group, config),
            new CloudMonitorActions(mapper, traffic, config.albId()),
            Sleeper.SYSTEM);
    HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 0);
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new Emulator(config, clock, server, executor, group, faults, traffic);
  }

  /** {@code http://host:port}: both AUTOSCALING_ENDPOINT and CLOUDMONITOR_ENDPOINT. */
  public URI endpoint() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + config.host() + ":" + address.getPort());
  }

  public EmulatorConfig config() {
    return config;
  }

  /** The simulated group, first brought up to the clock's current instant. */
  public SimulatedGroup group() {
    group.advanceTo(clock.instant());
    return group;
  }

  /** Brings the group's state up to {@code now} without a request. */
  public void advanceTo(Instant now) {
    group.advanceTo(now);
  }

  /**
   * From now on GetMetricData serves exactly {@code points} (those inside each request's window),
   * not the traffic model's: the simulator's e2e mode mirrors its model cloud here before each
   * evaluation. Faults still apply.
   */
  public void mirrorMetrics(List<MetricSeries.Point> points) {
    traffic.mirror(
        points.stream()
            .map(p -> new TrafficModel.Point(p.timestamp().getEpochSecond(), p.value()))
            .toList());
  }

  /** The fault rules and call counters; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** How many calls of {@code action} arrived, whatever their outcome. */
  public int calls(String action) {
    return faults.calls(action);
  }

  /** Calls per action. */
  public Map<String, Integer> callCounts() {
    return faults.callCounts();
  }

  /** Every accepted ModifyScalingGroup, oldest first: time, desired before, desired after. */
  public List<ModifyRecord> modifyLog() {
    return group.modifyLog();
  }

  /** Stops serving at once; a request in progress (even one sleeping on a latency fault) ends. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "byteplus-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
