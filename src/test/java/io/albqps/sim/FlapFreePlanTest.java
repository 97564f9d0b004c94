package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The cheapest plan that meets a need and never reverses a change within the window. */
class FlapFreePlanTest {
  /** Steps of 60 s: the flap window of 600 s is 10 steps. */
  private static final long STEP_SECONDS = 60;

  private static final int WINDOW = (int) (ElasticityMetrics.FLAP_WINDOW_SECONDS / STEP_SECONDS);

  @Test
  void aNeedThatNeverReversesIsFollowedExactly() {
    int[] need = {1, 2, 2, 5, 5, 5, 5, 3, 3, 1};

    assertThat(FlapFreePlan.cheapest(need, 3)).containsExactly(need);
  }

  @Test
  void aDipShorterThanTheWindowIsHeldThrough() {
    int[] need = {4, 4, 1, 1, 4, 4};

    assertThat(FlapFreePlan.cheapest(need, 3)).containsExactly(4, 4, 4, 4, 4, 4);
  }

  @Test
  void aBurstRightAfterARiseIsPaidForUntilTheWindowHasPassed() {
    // Up to 5 at step 1; dropping to 1 at step 2 and rising to 3 at step 4 would reverse twice.
    int[] need = {1, 5, 1, 1, 3, 1, 1, 1, 1, 1};

    int[] plan = FlapFreePlan.cheapest(need, 3);

    assertThat(flaps(plan, 3)).isZero();
    assertThat(sum(plan)).isEqualTo(bruteForceCheapest(need, 3));
  }

  @Test
  void aZeroWindowFollowsTheNeed() {
    int[] need = {3, 1, 3, 1};

    assertThat(FlapFreePlan.cheapest(need, 0)).containsExactly(need);
  }

  @Test
  void refusesWhatItCannotPlan() {
    assertThatThrownBy(() -> FlapFreePlan.cheapest(new int[0], 3))
        .hasMessageContaining("at least one step");
    assertThatThrownBy(() -> FlapFreePlan.cheapest(new int[] {1}, -1))
        .hasMessageContaining("windowSteps must be 0..32767, got -1");
    assertThatThrownBy(() -> FlapFreePlan.cheapest(new int[] {1, -2}, 3))
        .hasMessageContaining("need[1] must be 0..32766, got -2");
  }

  @Test
  void refusesASearchLargerThanItsMemoryBudgetNamingTheSizeAndTheWayOut() {
    int[] need = new int[1_000];
    need[0] = 99; // 100 levels: 1,000 x 100 x 9 bytes = 900,000 bytes

    assertThatThrownBy(() -> FlapFreePlan.cheapest(need, 3, 899_999))
        .hasMessageContaining("1000 steps x 100 instance levels")
        .hasMessageContaining("-Xmx");
    assertThat(FlapFreePlan.cheapest(need, 3, 900_000)).hasSize(1_000);
  }

  @Property(tries = 300)
  void isTheCheapestPlanThatMeetsTheNeedWithoutAFlap(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 3) Integer> needs,
      @ForAll @IntRange(min = 1, max = 4) int window) {
    int[] need = needs.stream().mapToInt(Integer::intValue).toArray();

    int[] plan = FlapFreePlan.cheapest(need, window);

    for (int i = 0; i < need.length; i++) {
      assertThat(plan[i]).as("step %d", i).isGreaterThanOrEqualTo(need[i]);
    }
    assertThat(flaps(plan, window)).isZero();
    assertThat(sum(plan)).isEqualTo(bruteForceCheapest(need, window));
  }

  @Property(tries = 30)
  void neverFlapsByTheMetricsRuleAtTheSimulatorsWindow(
      @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 20) Integer> needs) {
    int[] need = needs.stream().mapToInt(Integer::intValue).toArray();

    int[] plan = FlapFreePlan.cheapest(need, WINDOW);

    ElasticityMetrics metrics =
        ElasticityMetrics.compute(
            need,
            need,
            plan,
            plan[0],
            STEP_SECONDS,
            new ElasticityMetrics.ServiceLevel(0, 0, 0, 0, 0),
            Double.NaN);
    assertThat(metrics.flaps()).isZero();
  }

  /** Reversals within {@code window} steps of the previous change, counted like the metrics. */
  private static int flaps(int[] plan, int window) {
    int flaps = 0;
    int lastDirection = 0;
    int lastAt = 0;
    for (int i = 1; i < plan.length; i++) {
      int direction = Integer.signum(plan[i] - plan[i - 1]);
      if (direction == 0) {
        continue;
      }
      if (lastDirection != 0 && direction != lastDirection && i - lastAt <= window) {
        flaps++;
      }
      lastDirection = direction;
      lastAt = i;
    }
    return flaps;
  }

  /** The least sum over every plan with levels up to the highest need that does not flap. */
  private static long bruteForceCheapest(int[] need, int window) {
    int top = Arrays.stream(need).max().orElse(0);
    int[] plan = new int[need.length];
    return search(need, window, top, plan, 0);
  }

  private static long search(int[] need, int window, int top, int[] plan, int i) {
    if (i == need.length) {
      return flaps(plan, window) == 0 ? sum(plan) : Long.MAX_VALUE;
    }
    long best = Long.MAX_VALUE;
    for (int level = need[i]; level <= top; level++) {
      plan[i] = level;
      best = Math.min(best, search(need, window, top, plan, i + 1));
    }
    return best;
  }

  private static long sum(int[] plan) {
    return Arrays.stream(plan).asLongStream().sum();
  }
}
