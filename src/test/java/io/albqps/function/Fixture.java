package io.albqps.function;

import io.albqps.engine.Policy;
import io.albqps.time.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One handler on in-test seams, on a virtual clock. */
final class Fixture implements AutoCloseable {
  static final Instant START = Instant.parse("2024-01-15T10:30:00Z");

  final VirtualClock clock = new VirtualClock(START);
  final FakeCloud cloud = new FakeCloud();
  final MemoryStore store = new MemoryStore(START);
  final RecordingAlerts alerts = new RecordingAlerts();
  final List<Duration> sleeps = new ArrayList<>();
  HandlerConfig config = HandlerConfig.of("scg-test", "alb-test", Policy.defaults());
  CloudConnector connector = CloudConnector.fixed(cloud.apis());
  private ScalingHandler handler;

  Fixture config(HandlerConfig value) {
    config = value;
    return this;
  }

  ScalingHandler handler() {
    if (handler == null) {
      handler =
          new ScalingHandler(
              config,
              new SimpleAutoscaler(config.policy()),
              connector,
              store,
              alerts,
              clock,
              d -> {
                sleeps.add(d);
                clock.advance(d);
              });
    }
    return handler;
  }

  Response invoke(Event event) {
    return handler().handleRequest(event, context("req-12345"));
  }

  InvocationContext context(String requestId) {
    return InvocationContext.of(requestId, "alb-qps-autoscaler", Duration.ofSeconds(30), clock);
  }

  @Override
  public void close() {
    if (handler != null) {
      handler.close();
    }
  }
}
