package io.albqps.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the engine remembers between evaluations: the original solution's four cooldown timestamps
 * (empty = never) and the recent recommendations. Immutable; the engine returns the next one in its
 * {@link Decision}, and whoever executes the action records it with {@link #afterAction}.
 */
public record ScalerState(
    Optional<Instant> lastScalingAction,
    Optional<Instant> lastScaleUp,
    Optional<Instant> lastScaleDown,
    Optional<Instant> lastGeneralAction,
    List<Recommendation> recommendations) {

  /** No action ever taken, no history. */
  public static final ScalerState INITIAL =
      new ScalerState(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public ScalerState {
    java.util.Objects.requireNonNull(lastScalingAction, "lastScalingAction");
    java.util.Objects.requireNonNull(lastScaleUp, "lastScaleUp");
    java.util.Objects.requireNonNull(lastScaleDown, "lastScaleDown");
    java.util.Objects.requireNonNull(lastGeneralAction, "lastGeneralAction");
    recommendations = List.copyOf(recommendations);
  }

  /**
   * A fresh state after the previous one was lost (corrupt file): scale-ups stay free, but a
   * scale-down waits a full down-cooldown from {@code now}, so a reset never frees a scale-down.
   */
  public static ScalerState conservativeStart(Instant now) {
    return new ScalerState(
        Optional.empty(), Optional.empty(), Optional.of(now), Optional.empty(), List.of());
  }

  /**
   * This state with an executed action recorded at {@code at}; {@link Action#NONE} changes nothing.
   */
  public ScalerState afterAction(Action action, Instant at) {
    return switch (action) {
      case NONE -> this;
      case SCALE_UP ->
          new ScalerState(
              Optional.of(at), Optional.of(at), lastScaleDown, Optional.of(at), recommendations);
      case SCALE_DOWN ->
          new ScalerState(
              Optional.of(at), lastScaleUp, Optional.of(at), Optional.of(at), recommendations);
    };
  }

  public ScalerState withRecommendations(List<Recommendation> history) {
    return new ScalerState(
        lastScalingAction, lastScaleUp, lastScaleDown, lastGeneralAction, history);
  }
}
