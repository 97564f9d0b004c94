package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.config.ConfigException;
import io.albqps.engine.Autoscaler;
import io.albqps.engine.Decision;
import io.albqps.engine.Reason;
import io.albqps.function.CloudReads.PendingReads;
import io.albqps.state.StateDocument;
import io.albqps.state.StateStore;
import io.albqps.state.StateStoreException;
import io.albqps.time.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The function: wired once per process from its seams (cloud, state, alerts, clock, sleeper, the
 * engine), it answers each event with the response of DESIGN §6. It never throws for a failed
 * evaluation: a failure is a 500 response naming the failing call, with the state left intact.
 */
public final class ScalingHandler implements RequestHandler<Event, Response>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScalingHandler.class);
  static final String MDC_REQUEST_ID = "request_id";

  private final HandlerConfig config;
  private final CloudConnector cloud;
  private final StateStore store;
  private final AlertSender alerts;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ExecutorService pool;
  private final CloudReads reads;
  private final Evaluator evaluator;

  /**
   * A handler on the given seams; production wiring lives in {@link FunctionWiring}. The handler
   * owns a small thread pool for concurrent reads: {@link #close} it when done.
   */
  public ScalingHandler(
      HandlerConfig config,
      Autoscaler autoscaler,
      CloudConnector cloud,
      StateStore store,
      AlertSender alerts,
      Clock clock,
      Sleeper sleeper) {
    this.config = Objects.requireNonNull(config, "config");
    this.cloud = Objects.requireNonNull(cloud, "cloud");
    this.store = Objects.requireNonNull(store, "store");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.pool = Executors.newFixedThreadPool(4, daemonThreads());
    this.reads = new CloudReads(pool, clock);
    this.evaluator = new Evaluator(config, Objects.requireNonNull(autoscaler, "autoscaler"), store);
  }

  /**
   * Builds the cloud clients ahead of the first invocation, where it can; see {@link
   * CloudConnector#prepare}.
   */
  public void prepare() {
    cloud.prepare();
  }

  public HandlerConfig config() {
    return config;
  }

  @Override
  public Response handleRequest(Event event, Context context) {
    long started = System.nanoTime();
    boolean ownMdc = MDC.get(MDC_REQUEST_ID) == null;
    if (ownMdc) {
      MDC.put(MDC_REQUEST_ID, context.requestId());
    }
    try {
      Response response = dispatch(event, context);
      LOG.info(
          "{} -> {} {} ({})",
          event.type().wireName(),
          response.statusCode(),
          response.result().action(),
          response.result().message());
      return response.withExecutionTime((System.nanoTime() - started) / 1_000_000);
    } finally {
      if (ownMdc) {
        MDC.remove(MDC_REQUEST_ID);
      }
    }
  }

  /** The answer to an event that could not be parsed: a 400 naming the allowed types. */
  public Response badRequest(String message, Context context) {
    return Responses.badRequest(message, clock.instant(), context.requestId());
  }

  private Response dispatch(Event event, Context context) {
    return switch (event.type()) {
      case TIMER -> timer(context);
      case SCALING_EVALUATION -> evaluate(context, config.dryRun() || event.forceDryRun());
      case STATUS -> status(context);
      case VALIDATION -> validate(context);
    };
  }

  private Response timer(Context context) {
    if (!config.initialDelay().isZero()) {
      try {
        LOG.info("timer event: waiting {} s first", config.initialDelay().toSeconds());
        sleeper.sleep(config.initialDelay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Responses.failure(
            Failure.of(e), config.dryRun(), clock.instant(), context.requestId());
      }
    }
    return evaluate(context, config.dryRun());
  }

  private Response evaluate(Context context, boolean dryRun) {
    Instant now = clock.instant();
    String id = context.requestId();
    StateDocument doc = null;
    // The reads go out first and the state file is read while they are in flight. Failures still
    // surface in the old order: a state file that cannot be read fails the evaluation before any
    // read's answer counts, and APIs that cannot be connected fail it after the state is loaded, so
    // the error is counted in the state as before.
    PendingReads pending = startReads(context, now);
    try {
      StateStore.LoadResult loaded = store.load(now);
      doc = loaded.document();
      if (loaded.recoveredFromCorruption()) {
        alertCorruptState(loaded, now, id);
      }
      Outcome outcome = evaluator.evaluate(pending, doc, dryRun, now, context.deadline(), id);
      Response response = Responses.evaluation(outcome, config.policy(), now, id);
      if (outcome.decision().changesCapacity()) {
        alertAction(outcome.decision(), response, dryRun, now, id);
      }
      if (!dryRun && outcome.decision().reason() == Reason.METRICS_UNAVAILABLE) {
        alertRepeatedOutage(outcome.saved(), now, id);
      }
      return response;
    } catch (ApiException
        | StateStoreException
        | ConfigException
        | DeadlineExceededException
        | RuntimeException e) {
      return failed(Failure.of(e), doc, dryRun, now, id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(Failure.of(e), doc, dryRun, now, id);
    } finally {
      pending.cancel();
    }
  }

  private PendingReads startReads(Context context, Instant now) {
    try {
      CloudApis apis = cloud.connect(context.roleCredentials(), context.deadline());
      return evaluator.startReads(reads, apis, now);
    } catch (ConfigException e) {
      return CloudReads.unconnected(e);
    } catch (RuntimeException e) {
      return CloudReads.unconnected(e);
    }
  }

  private Response status(Context context) {
    Instant now = clock.instant();
    try {
      CloudApis apis = cloud.connect(context.roleCredentials(), context.deadline());
      Readings readings =
          reads.read(
              apis, config.scalingGroupId(), config.metricPeriod(), true, now, context.deadline());
      StateDocument doc = store.load(now).document();
      Map<String, Object> details =
          StatusReport.details(readings, doc, config.policy(), config.metricPeriod(), now);
      return Responses.report(
          "status", true, "Status check completed", details, now, context.requestId());
    } catch (ApiException
        | StateStoreException
        | ConfigException
        | DeadlineExceededException
        | RuntimeException e) {
      return Responses.failure(Failure.of(e), false, now, context.requestId());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Responses.failure(Failure.of(e), false, now, context.requestId());
    }
  }

  private Response validate(Context context) {
    Instant now = clock.instant();
    try {
      CloudApis apis = cloud.connect(context.roleCredentials(), context.deadline());
      Validation validation = Validation.run(config, apis, store, now);
      return Responses.report(
          "validation",
          validation.passed(),
          "Validation completed",
          validation.details(),
          now,
          context.requestId());
    } catch (ConfigException | RuntimeException e) {
      return Responses.failure(Failure.of(e), false, now, context.requestId());
    }
  }

  private Response failed(
      Failure failure, StateDocument doc, boolean dryRun, Instant now, String id) {
    LOG.warn("evaluation failed: {}", failure.message());
    if (doc == null) {
      alerts.send(errorAlert(failure, dryRun, now, id, -1));
    } else {
      recordFailure(failure, doc, dryRun, now, id);
    }
    return Responses.failure(failure, dryRun, now, id);
  }

  /** Counts the error through a revision-checked write; alerts every N errors in a row. */
  private void recordFailure(
      Failure failure, StateDocument doc, boolean dryRun, Instant now, String id) {
    try {
      StateDocument saved =
          store.save(
              StateUpdates.afterFailure(doc, failure, dryRun, now, id), doc.revision(), now, id);
      int streak = saved.errorTracking().consecutiveErrors();
      if (!dryRun && streak > 0 && streak % config.alertAfterConsecutiveErrors() == 0) {
        alerts.send(errorAlert(failure, dryRun, now, id, streak));
      }
    } catch (StateStoreException e) {
      LOG.warn("error not recorded in the state: {}", e.getMessage());
    }
  }

  /**
   * One alert when a metrics outage reaches {@code ALERT_AFTER_CONSECUTIVE_ERRORS} evaluations in a
   * row (errors before it in the streak count too), not one per evaluation while it lasts.
   */
  private void alertRepeatedOutage(StateDocument saved, Instant now, String id) {
    int streak = saved.errorTracking().consecutiveErrors();
    if (streak != config.alertAfterConsecutiveErrors()) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("consecutive_errors", streak);
    details.put("metric_period_seconds", config.metricPeriod().toSeconds());
    alerts.send(
        new Alert(
            Reason.METRICS_UNAVAILABLE.wireName(),
            Response.ERROR,
            "no QPS data for " + streak + " evaluations in a row (metrics_unavailable); holding",
            details,
            false,
            now,
            id));
  }

  private void alertAction(
      Decision decision, Response response, boolean dryRun, Instant now, String id) {
    alerts.send(
        new Alert(
            decision.action().wireName(),
            Response.SUCCESS,
            decision.reason().wireName(),
            plain(response.result().details()),
            dryRun,
            now,
            id));
  }

  private void alertCorruptState(StateStore.LoadResult loaded, Instant now, String id) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("moved_aside_to", loaded.movedAsideTo().map(Object::toString).orElse("(unknown)"));
    details.put("scale_down_held_for_seconds", config.policy().scaleDownCooldown().toSeconds());
    alerts.send(
        new Alert(
            "state_recovered",
            Response.ERROR,
            "state file was corrupt; moved aside and started conservatively",
            details,
            config.dryRun(),
            now,
            id));
  }

  private Alert errorAlert(Failure failure, boolean dryRun, Instant now, String id, int streak) {
    Map<String, Object> details = new LinkedHashMap<>(failure.facts());
    details.put("consecutive_errors", streak < 0 ? "unknown (state unreadable)" : streak);
    return new Alert(
        Responses.ERROR_ACTION, Response.ERROR, failure.message(), plain(details), dryRun, now, id);
  }

  /** The map without null values (alerts hold plain values only). */
  private static Map<String, Object> plain(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "albqps-read-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
