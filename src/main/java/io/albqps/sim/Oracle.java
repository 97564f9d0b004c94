package io.albqps.sim;

import io.albqps.engine.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The lower bound: knows the demand of every future step and the longest boot time B, and at every
 * step keeps exactly {@code max(demand over the next B)} instances (within the group's bounds).
 * Everything launched by now serves within B, and removals take the newest instances first, so
 * InService never falls below demand; no policy that cannot see the future does it with fewer
 * GPU-hours, except by up to the boot spread it plans for. It starts with what its first boot
 * window needs, already serving.
 *
 * <p>{@link #flapFree} knows the same and never flaps: the cheapest plan at or above that need that
 * reverses no change within {@link ElasticityMetrics#FLAP_WINDOW_SECONDS} (see {@link
 * FlapFreePlan}).
 */
public final class Oracle implements DecisionSource {
  private final long stepSeconds;
  private final Instant epoch;
  private final int[] plan;

  private Oracle(Foresight foresight, int[] plan) {
    this.stepSeconds = foresight.cluster().stepSeconds();
    this.epoch = foresight.epoch();
    this.plan = plan;
  }

  /** The oracle: the need of every step, followed step by step. */
  public static Oracle following(Foresight foresight) {
    return new Oracle(foresight, need(foresight));
  }

  /** The cheapest plan that meets the same need as {@link #following} and never flaps. */
  public static Oracle flapFree(Foresight foresight) {
    long step = foresight.cluster().stepSeconds();
    int windowSteps = (int) (ElasticityMetrics.FLAP_WINDOW_SECONDS / step);
    return new Oracle(foresight, FlapFreePlan.cheapest(need(foresight), windowSteps));
  }

  private static int[] need(Foresight foresight) {
    ClusterModel cluster = foresight.cluster();
    int horizon = (int) Math.ceil((double) foresight.maxBootSeconds() / cluster.stepSeconds());
    return slidingMax(foresight, horizon, cluster.minInstances(), cluster.maxInstances());
  }

  @Override
  public Duration interval() {
    return Duration.ofSeconds(stepSeconds);
  }

  @Override
  public int initialInstances(int planned) {
    return plan[0];
  }

  @Override
  public Evaluation evaluate(Instant now, CloudView cloud) {
    int step = (int) (Duration.between(epoch, now).toSeconds() / stepSeconds);
    int current = cloud.group().desiredInstances();
    int target = plan[Math.min(step, plan.length - 1)];
    Reason reason =
        target > current
            ? Reason.DYNAMIC_SCALING_SCALE_UP
            : target < current
                ? Reason.DYNAMIC_SCALING_SCALE_DOWN
                : Reason.OPTIMAL_INSTANCE_COUNT_REACHED;
    return new Evaluation(target, reason);
  }

  /** plan[i] = clamp(max demand over steps i..i+horizon), by a monotonic deque in O(n). */
  private static int[] slidingMax(Foresight foresight, int horizon, int min, int max) {
    int n = foresight.steps();
    int[] plan = new int[n];
    Deque<Integer> window = new ArrayDeque<>();
    for (int j = n - 1 + horizon; j >= 0; j--) {
      int value = foresight.demandAt(j);
      while (!window.isEmpty() && foresight.demandAt(window.peekLast()) <= value) {
        window.pollLast();
      }
      window.addLast(j);
      while (window.peekFirst() > j + horizon) {
        window.pollFirst();
      }
      if (j < n) {
        plan[j] = Math.max(min, Math.min(max, foresight.demandAt(window.peekFirst())));
      }
    }
    return plan;
  }
}
