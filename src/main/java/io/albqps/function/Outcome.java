package io.albqps.function;

import io.albqps.engine.Decision;
import io.albqps.engine.Observation;
import io.albqps.state.StateDocument;

/**
 * What one evaluation did: the final decision, what it saw, whether the modify call was made, and
 * whether the decision was re-made after another copy wrote the state.
 */
record Outcome(
    Decision decision,
    Observation observation,
    Readings readings,
    boolean dryRun,
    boolean executed,
    boolean reDecided,
    StateDocument saved) {}
