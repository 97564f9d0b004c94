package io.albqps.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.albqps.cloud.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The veFaaS {@code native/v1} runtime (DESIGN §6): a JDK HTTP server where {@code GET /v1/ping}
 * answers 200 and every other request is an invocation of the handler. The request id comes from
 * {@code X-Faas-Request-Id}, role credentials from the {@code X-Faas-*} headers; {@link #stop}
 * (SIGTERM) lets the invocation in flight finish first.
 */
public final class HttpRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpRuntime.class);
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private final ScalingHandler handler;
  private final RuntimeOptions options;
  private final Clock clock;
  private final HttpServer server;
  private final ExecutorService executor;
  private final EventParser parser;
  private final ResponseJson json;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Object idle = new Object();
  private int inFlight; // guarded by idle

  private HttpRuntime(
      ScalingHandler handler, RuntimeOptions options, Clock clock, HttpServer server) {
    this.handler = handler;
    this.options = options;
    this.clock = clock;
    this.server = server;
    ObjectMapper mapper = ResponseJson.mapper();
    this.parser = new EventParser(mapper);
    this.json = new ResponseJson(mapper);
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "faas-invoke-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts serving; the handler is closed when the runtime stops. */
  public static HttpRuntime start(ScalingHandler handler, RuntimeOptions options, Clock clock)
      throws IOException {
    disableNagle();
    HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
    HttpRuntime runtime = new HttpRuntime(handler, options, clock, server);
    server.setExecutor(runtime.executor);
    server.createContext("/", runtime::serve);
    server.start();
    LOG.info("veFaaS runtime listening on {}:{}", options.host(), runtime.port());
    return runtime;
  }

  /**
   * Makes the JDK HTTP server send without Nagle's algorithm (it writes headers and body
   * separately, which otherwise waits ~40 ms for a delayed ACK on a kept-alive connection). Read
   * once by the JDK, before its first server starts; an explicit {@code -D} setting wins.
   */
  static void disableNagle() {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  /** The port actually bound (the ephemeral one when the options asked for 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops when the JVM is asked to exit (SIGTERM), after the invocation in flight finishes. */
  public void stopOnShutdown() {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(options.functionTimeout()), "faas-shutdown"));
  }

  /** Blocks until {@link #stop} has run. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops accepting requests, waits up to {@code grace} for invocations in flight, then releases
   * the handler.
   */
  public void stop(Duration grace) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("stopping: finishing invocations in flight (up to {} s)", grace.toSeconds());
    awaitIdle(grace);
    server.stop(0);
    executor.shutdownNow();
    handler.close();
    stopped.countDown();
  }

  /** Stops at once, without waiting for invocations in flight. */
  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  /**
   * Waits until no exchange is in flight, at most {@code grace}. The JDK 17 server's own {@code
   * stop(delay)} always waits the whole delay when idle (JDK-8304065), which held every SIGTERM for
   * the function timeout.
   */
  private void awaitIdle(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (inFlight > 0) {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
          return;
        }
        try {
          idle.wait(leftMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    synchronized (idle) {
      inFlight++;
    }
    try {
      exchange(exchange);
    } finally {
      synchronized (idle) {
        inFlight--;
        idle.notifyAll();
      }
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/v1/ping")) {
        reply(exchange, 200, "text/plain", "pong");
        return;
      }
      Map<String, String> headers = headers(exchange);
      if ("true".equalsIgnoreCase(headers.getOrDefault("x-faas-internal-request", ""))) {
        reply(exchange, 200, "application/json", "{}");
        return;
      }
      invoke(exchange, headers);
    }
  }

  private void invoke(HttpExchange exchange, Map<String, String> headers) throws IOException {
    String requestId = headers.getOrDefault("x-faas-request-id", "");
    if (requestId.isBlank()) {
      requestId = "local-" + UUID.randomUUID();
    }
    MDC.put(ScalingHandler.MDC_REQUEST_ID, requestId);
    try {
      InvocationContext context = context(requestId, headers);
      byte[] body = readBody(exchange.getRequestBody());
      Response response;
      if (body == null) {
        response = handler.badRequest("body exceeds " + MAX_BODY_BYTES + " bytes", context);
      } else {
        try {
          response = handler.handleRequest(parser.parse(headers, body), context);
        } catch (InvalidEventException e) {
          LOG.warn("rejected event: {}", e.getMessage());
          response = handler.badRequest(e.getMessage(), context);
        }
      }
      reply(exchange, response.statusCode(), "application/json", json.write(response));
    } finally {
      MDC.remove(ScalingHandler.MDC_REQUEST_ID);
    }
  }

  private InvocationContext context(String requestId, Map<String, String> headers) {
    InvocationContext context =
        InvocationContext.of(requestId, options.functionName(), options.functionTimeout(), clock);
    String keyId = headers.getOrDefault("x-faas-access-key-id", "");
    String secret = headers.getOrDefault("x-faas-secret-access-key", "");
    if (keyId.isBlank() || secret.isBlank()) {
      return context;
    }
    String token = headers.getOrDefault("x-faas-session-token", "");
    return context.withRoleCredentials(
        new Credentials(
            keyId,
            secret,
            token.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(token)));
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
      if (e.getKey() != null && !e.getValue().isEmpty()) {
        headers.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().get(0));
      }
    }
    return headers;
  }

  /** The body, or null when it is larger than the limit. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
