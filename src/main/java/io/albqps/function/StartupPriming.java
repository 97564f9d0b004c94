package io.albqps.function;

import io.albqps.cloud.Credentials;
import io.albqps.cloud.Signer;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises, on one background thread while {@code serve} parses its settings and binds
 * its port, the code the first invocation runs: logging, the JSON mappers, the signer, the JDK HTTP
 * server's logger and date header, OkHttp's URL parsing, and (through {@link
 * ScalingHandler#prepare}) the HTTP client and its TLS trust store. On a cold start the platform
 * sends the first timer event as soon as the port answers, and the JVM's class loading and
 * interpretation of these paths costs several hundred milliseconds; doing it on the second core
 * overlaps that with the start instead of adding it to the first decision.
 *
 * <p>Priming makes no network call, reads no settings and touches no state file: every step works
 * on throwaway values. A step that fails only costs its own warm-up (logged at debug) and never
 * stops {@code serve}; the invocation then simply does the loading itself.
 */
public final class StartupPriming {
  private static final Credentials THROWAWAY_KEYS =
      Credentials.of("AKLTprimingOnly", "cHJpbWluZy1vbmx5LW5vdC1hLXNlY3JldA==");

  private final ExecutorService thread;
  private final Future<?> logging;

  private StartupPriming(ExecutorService thread) {
    this.thread = thread;
    // First in the queue: serve waits for this step before it configures logging.
    this.logging = then("logging", LoggerFactory::getILoggerFactory);
  }

  /** Starts priming the process-wide code paths at once, on a daemon thread. */
  public static StartupPriming begin(Clock clock) {
    StartupPriming priming =
        new StartupPriming(
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "albqps-priming");
                  t.setDaemon(true);
                  return t;
                }));
    priming.then("state json", () -> stateRoundTrip(clock.instant()));
    priming.then("event and response json", StartupPriming::eventAndResponse);
    priming.then("signer", () -> sign(clock.instant()));
    priming.then("http server", StartupPriming::httpServer);
    priming.then("http url", StartupPriming::httpUrl);
    return priming;
  }

  /**
   * Waits until logging is initialised. Call it before configuring logging: while SLF4J initialises
   * on the priming thread, it hands every other thread stand-in loggers, which cannot be
   * configured.
   */
  public void awaitLogging() throws InterruptedException {
    try {
      logging.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("logging failed to initialise", e.getCause());
    }
  }

  /** Queues one more step after those already queued (e.g. the handler's clients). */
  public Future<?> then(String step, Runnable task) {
    return thread.submit(
        () -> {
          try {
            task.run();
          } catch (RuntimeException | LinkageError e) {
            // Looked up here, not in a static field: initialising logging is itself a step.
            LoggerFactory.getLogger(StartupPriming.class)
                .debug("priming step '{}' failed; the first invocation will do it", step, e);
          }
        });
  }

  /** No more steps: the thread ends after the queued ones. */
  public void finish() {
    thread.shutdown();
  }

  /** Waits for the queued steps (tests); true when they all ran. */
  boolean awaitFinished(long millis) throws InterruptedException {
    finish();
    return thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }

  private static void stateRoundTrip(Instant now) {
    try {
      StateJson.read(StateJson.write(StateDocument.fresh(now, ScalerState.conservativeStart(now))));
    } catch (io.albqps.state.StateFormatException e) {
      throw new IllegalStateException("a fresh state document did not read back", e);
    }
  }

  private static void eventAndResponse() {
    EventParser parser = new EventParser(ResponseJson.mapper());
    try {
      parser.parse(
          Map.of("ce-type", Event.Type.BYTEFAAS_TIMER), "{}".getBytes(StandardCharsets.UTF_8));
    } catch (InvalidEventException e) {
      throw new IllegalStateException("the timer event did not parse", e);
    }
    new ResponseJson(ResponseJson.mapper())
        .write(Responses.badRequest("priming", Instant.EPOCH, "priming"));
  }

  /**
   * What the JDK's HTTP server first does on the invocation's thread: its {@code System.Logger}
   * binds {@code java.util.logging}, and the response's {@code Date} header formats day and month
   * names from the US locale data (the same pattern as {@code sun.net.httpserver.ExchangeImpl}).
   */
  private static String httpServer() {
    System.getLogger("com.sun.net.httpserver").isLoggable(System.Logger.Level.TRACE);
    return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
        .withZone(ZoneId.of("GMT"))
        .format(Instant.EPOCH);
  }

  /** OkHttp canonicalises every URL's host with {@code java.net.IDN}, whose tables load once. */
  private static void httpUrl() {
    HttpUrl.get("https://open.byteplusapi.com/").newBuilder().encodedQuery("Action=A").build();
  }

  private static void sign(Instant now) {
    Signer.sign(
        "GET",
        "open.byteplusapi.com",
        "/",
        Map.of("Action", "DescribeScalingGroups", "Version", "2020-01-01"),
        Map.of(),
        new byte[0],
        THROWAWAY_KEYS,
        "auto_scaling",
        "ap-southeast-1",
        now);
  }
}
