package io.albqps.state;

import io.albqps.engine.ScalerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The state document in memory, with the file store's revision semantics, for the simulator and
 * tests; thread-safe, so staggered copies can share one.
 */
public final class InMemoryStateStore implements StateStore {
  private StateDocument stored;

  /** An empty store: the first load gives a fresh document at revision 0. */
  public InMemoryStateStore() {}

  /** A store that already holds {@code initial}, as written (its revision is kept). */
  public InMemoryStateStore(StateDocument initial) {
    this.stored = Objects.requireNonNull(initial, "initial");
  }

  /** What a load would return now, without the fresh default; empty before the first save. */
  public synchronized Optional<StateDocument> current() {
    return Optional.ofNullable(stored);
  }

  @Override
  public synchronized LoadResult load(Instant now) {
    Objects.requireNonNull(now, "now");
    return LoadResult.of(stored != null ? stored : StateDocument.fresh(now, ScalerState.INITIAL));
  }

  @Override
  public synchronized StateDocument save(
      StateDocument document, long expectedRevision, Instant now, String executionId)
      throws StateConflictException {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(executionId, "executionId");
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must be >= 0, got " + expectedRevision);
    }
    long actual = stored == null ? 0 : stored.revision();
    if (actual != expectedRevision) {
      throw new StateConflictException(expectedRevision, actual);
    }
    stored = document.stamped(expectedRevision + 1, now, executionId);
    return stored;
  }
}
