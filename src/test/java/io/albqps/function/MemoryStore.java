package io.albqps.function;

import io.albqps.engine.ScalerState;
import io.albqps.state.StateConflictException;
import io.albqps.state.StateDocument;
import io.albqps.state.StateStore;
import io.albqps.state.StateStoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An in-test state store with a revision check, a log of saves, and a hook that lets "another copy"
 * write between our loads.
 */
final class MemoryStore implements StateStore {
  private StateDocument current;
  private int loads;
  private boolean corruptOnNextLoad;
  final List<StateDocument> saves = new ArrayList<>();

  /** Runs once, right before the next save checks the revision ("another copy" writing). */
  Runnable beforeNextSave;

  /** Runs once, at the start of the next load. */
  Runnable beforeNextLoad;

  /** Thrown by the next load, as an unreadable mount would. */
  StateStoreException failNextLoad;

  /** Applied by "another copy" right before the load with this (1-based) number. */
  final java.util.Map<Integer, UnaryOperator<StateDocument>> writesBeforeLoad =
      new java.util.HashMap<>();

  MemoryStore(Instant now) {
    current = StateDocument.fresh(now, ScalerState.INITIAL);
  }

  synchronized StateDocument current() {
    return current;
  }

  synchronized int loads() {
    return loads;
  }

  synchronized void corruptOnNextLoad() {
    corruptOnNextLoad = true;
  }

  /** Another copy writes the state now (revision + 1). */
  synchronized void writeByOtherCopy(UnaryOperator<StateDocument> change) {
    StateDocument changed = change.apply(current);
    current = withRevision(changed, current.revision() + 1);
  }

  @Override
  public synchronized LoadResult load(Instant now) throws StateStoreException {
    Runnable hook = beforeNextLoad;
    beforeNextLoad = null;
    if (hook != null) {
      hook.run();
    }
    StateStoreException failure = failNextLoad;
    failNextLoad = null;
    if (failure != null) {
      throw failure;
    }
    loads++;
    UnaryOperator<StateDocument> other = writesBeforeLoad.remove(loads);
    if (other != null) {
      writeByOtherCopy(other);
    }
    if (corruptOnNextLoad) {
      corruptOnNextLoad = false;
      current = withRevision(StateDocument.fresh(now, ScalerState.conservativeStart(now)), 0);
      return new LoadResult(
          current, true, Optional.of(Path.of("/state/scaling_state.json.corrupt.1")));
    }
    return LoadResult.of(current);
  }

  @Override
  public synchronized StateDocument save(
      StateDocument document, long expectedRevision, Instant now, String executionId)
      throws StateConflictException {
    Runnable hook = beforeNextSave;
    beforeNextSave = null;
    if (hook != null) {
      hook.run();
    }
    if (current.revision() != expectedRevision) {
      throw new StateConflictException(expectedRevision, current.revision());
    }
    current = withRevision(document, expectedRevision + 1);
    saves.add(current);
    return current;
  }

  static StateDocument withRevision(StateDocument d, long revision) {
    return new StateDocument(
        revision,
        d.createdAt(),
        d.lastUpdated(),
        d.updatedBy(),
        d.scaler(),
        d.metricsCache(),
        d.errorTracking(),
        d.statistics(),
        d.scalingHistory());
  }
}
