package io.albqps.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * The cheapest capacity plan that never falls below a need and never flaps: no change in the
 * direction opposite to the previous change within {@code windowSteps} steps of it (the rule {@link
 * ElasticityMetrics} counts flaps by). Exact, by dynamic programming over (level, direction of the
 * last change, steps since it).
 *
 * <p>Why it exists: the oracle follows the need step by step and, on a load that reverses direction
 * every few minutes, flaps with it. This plan knows the same future and pays what it costs to never
 * flap: what the "no flaps" and "within 1.3 × the oracle" checks ask for together, with foresight.
 *
 * <p>A state after step {@code i} is a level, and either <i>free</i> (no change yet, or the last
 * one {@code windowSteps} or more steps ago: any direction may follow) or the last change's
 * direction with the steps since it (0 to {@code windowSteps − 1}: only that direction may follow).
 * Per step the work is linear in levels × window, so two weeks of 15 s steps at 20 instances take
 * well under a second.
 */
final class FlapFreePlan {
  private static final long INFEASIBLE = Long.MAX_VALUE / 4;
  private static final int UP = 0;
  private static final int DOWN = 1;

  /** Back-pointer bytes kept per step and level: two levels, two sub-states, one free source. */
  static final int BYTES_PER_CELL = 2 * Short.BYTES + 2 * Short.BYTES + 1;

  /** Predecessor sub-state: free (any direction may follow). */
  private static final short FREE = -1;

  private final int[] need;
  private final int window;
  private final int levels;
  // Back-pointers, per step and level. A change up into a level came from upFromLevel's level in
  // the sub-state upFromSub (FREE, or the steps since that level's own last change up); downFrom*
  // likewise. A free state came from the free state (FREE) or from (UP or DOWN, window - 1).
  private final short[][] upFromLevel;
  private final short[][] downFromLevel;
  private final short[][] upFromSub;
  private final short[][] downFromSub;
  private final byte[][] freeFrom;

  private FlapFreePlan(int[] need, int windowSteps, int levels) {
    this.need = need;
    this.window = windowSteps;
    this.levels = levels;
    int n = need.length;
    upFromLevel = new short[n][levels];
    downFromLevel = new short[n][levels];
    upFromSub = new short[n][levels];
    downFromSub = new short[n][levels];
    freeFrom = new byte[n][levels];
  }

  /**
   * The cheapest plan: {@code plan[i] >= need[i]} at every step, the least sum of {@code plan}, and
   * no reversal within {@code windowSteps} steps of the previous change. {@code plan[0]} is the
   * starting level (not a change). Where several plans cost the same, any one of them.
   *
   * @param need the least capacity at each step (0 to {@link Short#MAX_VALUE} − 1)
   * @param windowSteps a change within this many steps of the previous one may not reverse it (0,
   *     where no change can reverse another in time, to {@link Short#MAX_VALUE})
   */
  static int[] cheapest(int[] need, int windowSteps) {
    return cheapest(need, windowSteps, Runtime.getRuntime().maxMemory() / 2);
  }

  /**
   * As {@link #cheapest(int[], int)}, refusing (before allocating) a search whose back-pointers
   * would take more than {@code memoryBudget} bytes.
   */
  static int[] cheapest(int[] need, int windowSteps, long memoryBudget) {
    if (need.length == 0) {
      throw new IllegalArgumentException("need must have at least one step");
    }
    if (windowSteps < 0 || windowSteps > Short.MAX_VALUE) {
      throw new IllegalArgumentException(
          "windowSteps must be 0.." + Short.MAX_VALUE + ", got " + windowSteps);
    }
    for (int i = 0; i < need.length; i++) {
      if (need[i] < 0 || need[i] > Short.MAX_VALUE - 1) {
        throw new IllegalArgumentException(
            "need[" + i + "] must be 0.." + (Short.MAX_VALUE - 1) + ", got " + need[i]);
      }
    }
    if (windowSteps == 0) {
      return need.clone();
    }
    // Levels 0 to the highest need: a plan never gains by going above it.
    int levels = Arrays.stream(need).max().orElse(0) + 1;
    long bytes = (long) need.length * levels * BYTES_PER_CELL;
    if (bytes > memoryBudget) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "oracle-flap-free: an exact search over %d steps x %d instance levels needs about %d"
                  + " MB, more than the %d MB allowed (half the JVM's heap); shorten the load, lower"
                  + " --scale or raise --step-seconds, or give java more heap (-Xmx)",
              need.length,
              levels,
              bytes >> 20,
              memoryBudget >> 20));
    }
    return new FlapFreePlan(need, windowSteps, levels).solve();
  }

  private int[] solve() {
    int n = need.length;
    // cost[dir][k][level]: cheapest sum up to the current step ending in (level, dir, k steps since
    // the last change); free[level]: ending free at level.
    long[][][] cost = new long[2][window][levels];
    long[] free = new long[levels];
    for (long[][] byDir : cost) {
      for (long[] row : byDir) {
        Arrays.fill(row, INFEASIBLE);
      }
    }
    for (int level = 0; level < levels; level++) {
      free[level] = level >= need[0] ? level : INFEASIBLE;
    }
    long[][][] nextCost = new long[2][window][levels];
    long[] nextFree = new long[levels];
    for (int i = 1; i < n; i++) {
      step(i, cost, free, nextCost, nextFree);
      long[][][] swapCost = cost;
      cost = nextCost;
      nextCost = swapCost;
      long[] swapFree = free;
      free = nextFree;
      nextFree = swapFree;
    }
    return backtrack(cost, free);
  }

  /** The states after step {@code i} from those after step {@code i - 1}. */
  private void step(int i, long[][][] cost, long[] free, long[][][] next, long[] nextFree) {
    // Stay at a level: a constrained state ages by one step, and becomes free at the window.
    for (int dir = UP; dir <= DOWN; dir++) {
      for (int k = 1; k < window; k++) {
        for (int level = 0; level < levels; level++) {
          next[dir][k][level] = add(cost[dir][k - 1][level], level, i);
        }
      }
    }
    for (int level = 0; level < levels; level++) {
      long stay = free[level];
      byte from = FREE;
      if (cost[UP][window - 1][level] < stay) {
        stay = cost[UP][window - 1][level];
        from = UP;
      }
      if (cost[DOWN][window - 1][level] < stay) {
        stay = cost[DOWN][window - 1][level];
        from = DOWN;
      }
      nextFree[level] = add(stay, level, i);
      freeFrom[i][level] = from;
    }
    change(i, UP, cost, free, next[UP][0]);
    change(i, DOWN, cost, free, next[DOWN][0]);
  }

  /**
   * Into (level, dir, 0): from any level below (a change up) or above (down) that is free or whose
   * last change went the same way. Walking the levels in that direction, the best source so far is
   * a running minimum.
   */
  private void change(int i, int dir, long[][][] cost, long[] free, long[] into) {
    short[] fromLevel = dir == UP ? upFromLevel[i] : downFromLevel[i];
    short[] fromSub = dir == UP ? upFromSub[i] : downFromSub[i];
    long best = INFEASIBLE;
    short bestLevel = -1;
    short bestSub = FREE;
    for (int walked = 0; walked < levels; walked++) {
      int level = dir == UP ? walked : levels - 1 - walked;
      into[level] = add(best, level, i);
      fromLevel[level] = bestLevel;
      fromSub[level] = bestSub;
      // This level becomes a source for the levels after it.
      if (free[level] < best) {
        best = free[level];
        bestLevel = (short) level;
        bestSub = FREE;
      }
      for (int k = 0; k < window; k++) {
        if (cost[dir][k][level] < best) {
          best = cost[dir][k][level];
          bestLevel = (short) level;
          bestSub = (short) k;
        }
      }
    }
  }

  /** {@code sum} plus a step at {@code level}, or infeasible below the step's need. */
  private long add(long sum, int level, int i) {
    return sum >= INFEASIBLE || level < need[i] ? INFEASIBLE : sum + level;
  }

  /** A state after a step: a level, and FREE or the last change's direction and steps since. */
  private record State(int level, int dir, int sinceChange) {}

  /** Walks the back-pointers from the cheapest final state. */
  private int[] backtrack(long[][][] cost, long[] free) {
    int[] plan = new int[need.length];
    State state = cheapestEnd(cost, free);
    for (int i = need.length - 1; i >= 0; i--) {
      plan[i] = state.level();
      if (i > 0) {
        state = before(i, state);
      }
    }
    return plan;
  }

  private State cheapestEnd(long[][][] cost, long[] free) {
    long best = INFEASIBLE;
    State end = null;
    for (int level = 0; level < levels; level++) {
      if (free[level] < best) {
        best = free[level];
        end = new State(level, FREE, 0);
      }
      for (int dir = UP; dir <= DOWN; dir++) {
        for (int k = 0; k < window; k++) {
          if (cost[dir][k][level] < best) {
            best = cost[dir][k][level];
            end = new State(level, dir, k);
          }
        }
      }
    }
    return end;
  }

  /** The state after step {@code i - 1} that {@code state}, after step {@code i}, came from. */
  private State before(int i, State state) {
    int level = state.level();
    if (state.dir() == FREE) {
      int from = freeFrom[i][level];
      return new State(level, from, from == FREE ? 0 : window - 1);
    }
    if (state.sinceChange() > 0) {
      return new State(level, state.dir(), state.sinceChange() - 1);
    }
    boolean up = state.dir() == UP;
    int fromLevel = up ? upFromLevel[i][level] : downFromLevel[i][level];
    int fromSub = up ? upFromSub[i][level] : downFromSub[i][level];
    return fromSub == FREE
        ? new State(fromLevel, FREE, 0)
        : new State(fromLevel, state.dir(), fromSub);
  }
}
