package io.albqps.state;

/** Another copy wrote the state between our read and our write (revision check failed). */
public final class StateConflictException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  private final long expectedRevision;
  private final long actualRevision;

  public StateConflictException(long expectedRevision, long actualRevision) {
    super(
        "state was written by another copy: expected revision "
            + expectedRevision
            + ", found "
            + actualRevision,
        null);
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  public long expectedRevision() {
    return expectedRevision;
  }

  public long actualRevision() {
    return actualRevision;
  }
}
