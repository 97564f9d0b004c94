package io.albqps.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.albqps.time.IsoInstants;
import io.albqps.time.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one request the way the BytePlus gateway does, in order: count it, verify the signature,
 * find the action and version, check the service, region and method, apply an injected fault, run
 * the action, and answer with the envelope.
 */
final class EmulatorHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private final Clock clock;
  private final String region;
  private final SignatureVerifier verifier;
  private final SimulatedGroup group;
  private final Faults faults;
  private final Envelope envelope;
  private final AutoScalingActions autoScaling;
  private final CloudMonitorActions cloudMonitor;
  private final Sleeper sleeper;
  private final AtomicLong requestCounter = new AtomicLong();

  EmulatorHandler(
      Clock clock,
      String region,
      SignatureVerifier verifier,
      SimulatedGroup group,
      Faults faults,
      Envelope envelope,
      AutoScalingActions autoScaling,
      CloudMonitorActions cloudMonitor,
      Sleeper sleeper) {
    this.clock = clock;
    this.region = region;
    this.verifier = verifier;
    this.group = group;
    this.faults = faults;
    this.envelope = envelope;
    this.autoScaling = autoScaling;
    this.cloudMonitor = cloudMonitor;
    this.sleeper = sleeper;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "emulator could not answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
      throw e;
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    IncomingRequest request = IncomingRequest.read(exchange);
    Instant now = clock.instant();
    group.advanceTo(now);
    String action = request.action();
    faults.recordCall(action);
    Optional<Route> route = Route.of(action);
    Envelope.Meta meta =
        new Envelope.Meta(
            requestId(now),
            action,
            request.version(),
            route.map(Route::defaultService).orElse(""),
            region);
    try {
      SignatureVerifier.Caller caller = verifier.verify(request, now);
      Route found = route(request, route, caller);
      meta = new Envelope.Meta(meta.requestId(), action, found.version(), caller.service(), region);
      Optional<Fault> fault = faults.take(action);
      if (fault.isPresent() && !applyBefore(fault.get(), exchange, meta)) {
        return;
      }
      Object result = run(request, fault, now);
      send(exchange, 200, envelope.success(meta, result));
    } catch (ErrorReply e) {
      send(exchange, e.httpStatus(), envelope.error(meta, e.code(), e.getMessage()));
    }
  }

  private Route route(
      IncomingRequest request, Optional<Route> route, SignatureVerifier.Caller caller)
      throws ErrorReply {
    if (request.action().isEmpty()) {
      throw ErrorReply.missingParameter("Action");
    }
    if (request.version().isEmpty()) {
      throw ErrorReply.missingParameter("Version");
    }
    if (route.isEmpty() || !route.get().version().equals(request.version())) {
      throw ErrorReply.invalidActionOrVersion(request.action(), request.version());
    }
    if (!route.get().services().contains(caller.service()) || !region.equals(caller.region())) {
      throw ErrorReply.serviceNotFound(caller.service(), caller.region());
    }
    if (!route.get().method().equals(request.method())) {
      throw ErrorReply.methodNotAllowed(request.method(), request.action());
    }
    return route.get();
  }

  /**
   * Applies the part of a fault that replaces or delays the normal answer; false when the answer
   * has been given (or refused) already.
   */
  private boolean applyBefore(Fault fault, HttpExchange exchange, Envelope.Meta meta)
      throws IOException, InterruptedException, ErrorReply {
    switch (fault.kind()) {
      case ERROR_STATUS:
        throw new ErrorReply(fault.httpStatus(), fault.errorCode(), "injected fault");
      case LATENCY:
        sleeper.sleep(fault.duration());
        return true;
      case DROP_CONNECTION:
        // Closing an exchange before its headers are sent closes the connection (JDK HttpServer).
        return false;
      case MALFORMED_JSON:
        byte[] whole = envelope.success(meta, Map.of());
        send(exchange, 200, Arrays.copyOf(whole, whole.length / 2));
        return false;
      case ERROR_ON_200:
        send(exchange, 200, envelope.error(meta, fault.errorCode(), "injected fault on HTTP 200"));
        return false;
      default:
        return true;
    }
  }

  private Object run(IncomingRequest request, Optional<Fault> fault, Instant now)
      throws ErrorReply {
    return switch (request.action()) {
      case Actions.GET_METRIC_DATA -> cloudMonitor.getMetricData(request, fault, now);
      case Actions.DESCRIBE_SCALING_GROUPS -> autoScaling.describeScalingGroups(request);
      case Actions.DESCRIBE_SCALING_INSTANCES -> autoScaling.describeScalingInstances(request);
      case Actions.DESCRIBE_SCALING_ACTIVITIES -> autoScaling.describeScalingActivities(request);
      case Actions.MODIFY_SCALING_GROUP -> autoScaling.modifyScalingGroup(request);
      default -> throw ErrorReply.invalidActionOrVersion(request.action(), request.version());
    };
  }

  private String requestId(Instant now) {
    String basic = IsoInstants.formatBasic(now);
    String counter = UPPER_HEX.toHexDigits(requestCounter.incrementAndGet());
    return basic.substring(0, 8) + basic.substring(9, 15) + counter.substring(4);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
