package io.albqps.sim;

/** Hears how far a run has come, e.g. to draw a progress bar on a terminal. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  /** {@code done} of {@code total} steps are simulated. */
  void advanced(long done, long total);
}
