package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recommendation history read as a step function: each entry holds from its time until the next
 * one. A stabilization window {@code [now − w, now]} is <em>observed</em> only when an entry at or
 * before its start exists (the anchor), so a window that has not yet been watched for its full
 * length (first run, history lost) never lets a delayed move through early. Pruning therefore keeps
 * the anchor of the longest window as well as every entry inside it, whatever the spacing of
 * evaluations. A gap (evaluations skipped on missing data) extends the last entry across it.
 */
final class RecommendationHistory {
  /** Returned by {@link #windowMin} and {@link #windowMax} for a window not yet fully observed. */
  static final int NOT_OBSERVED = -1;

  private RecommendationHistory() {}

  /**
   * The history with {@code entry} appended and every entry dropped that neither lies inside {@code
   * [at − keep, at]} nor is the anchor (the newest entry at or before {@code at − keep}).
   *
   * <p>An entry that repeats the newest one's recommendation is not appended: the step function is
   * the same without it, so every window's minimum, maximum and observed-ness stay exactly as they
   * were. Without this the state file would grow by one entry per evaluation inside the longest
   * window (a 1-day window at four copies a minute: 5,760 entries, ~400 KB read and written by
   * every invocation); with it the history holds one entry per change of recommendation.
   */
  static List<Recommendation> appendAndPrune(
      List<Recommendation> history, Recommendation entry, Duration keep) {
    if (keep.isZero()) {
      return List.of(entry);
    }
    Instant cutoff = entry.at().minus(keep);
    int anchor = -1;
    for (int i = 0; i < history.size(); i++) {
      Instant at = history.get(i).at();
      if (!at.isAfter(cutoff) && (anchor < 0 || at.isAfter(history.get(anchor).at()))) {
        anchor = i;
      }
    }
    List<Recommendation> kept = new ArrayList<>(history.size() + 1);
    for (int i = 0; i < history.size(); i++) {
      if (i == anchor || history.get(i).at().isAfter(cutoff)) {
        kept.add(history.get(i));
      }
    }
    if (!repeatsNewest(history, entry)) {
      kept.add(entry);
    }
    return kept;
  }

  /** Whether {@code entry} recommends what the newest entry does, at or after its time. */
  private static boolean repeatsNewest(List<Recommendation> history, Recommendation entry) {
    if (history.isEmpty()) {
      return false;
    }
    Recommendation newest = history.get(history.size() - 1);
    return newest.desired() == entry.desired() && !entry.at().isBefore(newest.at());
  }

  /** The smallest recommendation over the window, or {@link #NOT_OBSERVED}. */
  static int windowMin(List<Recommendation> history, Instant now, Duration window) {
    return extreme(history, now, window, false);
  }

  /** The largest recommendation over the window, or {@link #NOT_OBSERVED}. */
  static int windowMax(List<Recommendation> history, Instant now, Duration window) {
    return extreme(history, now, window, true);
  }

  private static int extreme(
      List<Recommendation> history, Instant now, Duration window, boolean largest) {
    Instant cutoff = now.minus(window);
    Recommendation anchor = null;
    int result = largest ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (Recommendation r : history) {
      if (r.at().isAfter(cutoff)) {
        result = largest ? Math.max(result, r.desired()) : Math.min(result, r.desired());
      } else if (anchor == null || r.at().isAfter(anchor.at())) {
        anchor = r;
      }
    }
    if (anchor == null) {
      return NOT_OBSERVED;
    }
    return largest ? Math.max(result, anchor.desired()) : Math.min(result, anchor.desired());
  }
}
