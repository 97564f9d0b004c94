package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.config.ConfigException;
import io.albqps.engine.Autoscaler;
import io.albqps.engine.Decision;
import io.albqps.engine.Observation;
import io.albqps.engine.Reason;
import io.albqps.function.CloudReads.PendingReads;
import io.albqps.state.StateConflictException;
import io.albqps.state.StateDocument;
import io.albqps.state.StateStore;
import io.albqps.state.StateStoreException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scaling evaluation: concurrent reads (started before the state file is read), the engine's
 * decision, the revision check before acting (DESIGN §5), the modify call, and the revision-checked
 * state write. A conflict at the write is merged onto the fresh document so an executed action's
 * cooldown is never lost.
 */
final class Evaluator {
  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
  private static final int SAVE_ATTEMPTS = 3;

  /**
   * An executed action's cooldown must land: merge onto fresher revisions longer before giving up.
   */
  private static final int SAVE_ATTEMPTS_AFTER_ACTION = 10;

  private final HandlerConfig config;
  private final Autoscaler autoscaler;
  private final StateStore store;

  Evaluator(HandlerConfig config, Autoscaler autoscaler, StateStore store) {
    this.config = config;
    this.autoscaler = autoscaler;
    this.store = store;
  }

  /** Starts the reads this evaluation needs; they do not depend on the state file. */
  PendingReads startReads(CloudReads reads, CloudApis apis, Instant now) {
    return reads.start(
        apis, config.scalingGroupId(), config.metricPeriod(), config.needsInstanceListing(), now);
  }

  Outcome evaluate(
      PendingReads reads,
      StateDocument read,
      boolean dryRun,
      Instant now,
      Instant deadline,
      String executionId)
      throws ApiException,
          ConfigException,
          StateStoreException,
          DeadlineExceededException,
          InterruptedException {
    Readings readings = reads.await(deadline);
    CloudApis apis = reads.apis();
    Observation observation = Observations.of(readings, config.metricPeriod());
    StateDocument doc = read;
    Decision decision = autoscaler.decide(observation, doc.scaler(), now);
    boolean reDecided = false;
    if (!dryRun && decision.changesCapacity()) {
      StateDocument current = store.load(now).document();
      if (current.revision() != doc.revision()) {
        LOG.info(
            "state revision moved from {} to {} before acting; deciding again",
            doc.revision(),
            current.revision());
        doc = current;
        reDecided = true;
        decision = autoscaler.decide(observation, doc.scaler(), now);
        if (decision.changesCapacity() && store.load(now).document().revision() != doc.revision()) {
          decision = conflictHold(decision);
        }
      }
    }
    boolean executed = false;
    if (!dryRun && decision.changesCapacity()) {
      apis.groups().setDesiredCapacity(readings.group(), decision.newDesired());
      executed = true;
      LOG.info(
          "{}: desired {} -> {} ({})",
          decision.action().wireName(),
          decision.currentDesired(),
          decision.newDesired(),
          decision.reason().wireName());
    }
    StateDocument saved = save(doc, decision, observation, dryRun, executed, now, executionId);
    return new Outcome(decision, observation, readings, dryRun, executed, reDecided, saved);
  }

  private static Decision conflictHold(Decision decision) {
    return Decision.hold(
        Reason.STATE_CONFLICT,
        decision.currentDesired(),
        decision.qps(),
        decision.recommended(),
        decision.nextState());
  }

  private StateDocument save(
      StateDocument doc,
      Decision decision,
      Observation observation,
      boolean dryRun,
      boolean executed,
      Instant now,
      String executionId)
      throws StateStoreException {
    StateDocument base = doc;
    for (int attempt = 1; ; attempt++) {
      StateDocument next =
          dryRun
              ? StateUpdates.afterDryRun(base, decision, observation, now, executionId)
              : StateUpdates.afterEvaluation(
                  base, decision, observation, executed, now, executionId);
      try {
        return store.save(next, base.revision(), now, executionId);
      } catch (StateConflictException e) {
        if (attempt >= (executed ? SAVE_ATTEMPTS_AFTER_ACTION : SAVE_ATTEMPTS)) {
          throw e;
        }
        LOG.info(
            "state written by another copy meanwhile; merging onto revision {}",
            e.actualRevision());
        base = store.load(now).document();
      }
    }
  }
}
