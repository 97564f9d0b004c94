package io.albqps.sim;

/**
 * Makes a fresh decision source for one run: the simulation calls it once per run, after it knows
 * the demand, so the oracle can be given its foresight and stateful sources start clean.
 */
@FunctionalInterface
public interface SourceFactory {

  /** The oracle: the lower bound every other policy is measured against. */
  SourceFactory ORACLE = (cluster, foresight) -> Oracle.following(foresight);

  /** The oracle that never flaps: what no flaps costs with foresight. */
  SourceFactory FLAP_FREE_ORACLE = (cluster, foresight) -> Oracle.flapFree(foresight);

  DecisionSource create(ClusterModel cluster, Foresight foresight);
}
