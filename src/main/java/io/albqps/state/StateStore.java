package io.albqps.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the state document lives between invocations: a JSON file on the TOS mount in production,
 * memory in tests and the simulator.
 */
public interface StateStore {

  /**
   * Reads the document. A missing file gives a fresh document at revision 0; a corrupt one is moved
   * aside and replaced by a conservative fresh start ({@link LoadResult#recoveredFromCorruption}).
   */
  LoadResult load(Instant now) throws StateStoreException;

  /**
   * Writes {@code document} with revision {@code expectedRevision + 1}, unless the stored revision
   * is no longer {@code expectedRevision} (another copy wrote in between): then nothing is written
   * and a {@link StateConflictException} is thrown. Returns the document as written.
   */
  StateDocument save(StateDocument document, long expectedRevision, Instant now, String executionId)
      throws StateStoreException;

  /**
   * The result of a load, and what happened on the way: after a corrupt file, {@code
   * recoveredFromCorruption} is true and {@code movedAsideTo} names where the bad file now is
   * (empty when another copy moved it first).
   */
  record LoadResult(
      StateDocument document, boolean recoveredFromCorruption, Optional<Path> movedAsideTo) {
    public LoadResult {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(movedAsideTo, "movedAsideTo");
    }

    /** A normal load: the stored (or a fresh) document. */
    public static LoadResult of(StateDocument document) {
      return new LoadResult(document, false, Optional.empty());
    }
  }
}
