package io.albqps.config;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Suggests the known variable a mistyped name was meant to be ({@code SCALE_UP_TRESHOLD} → {@code
 * SCALE_UP_THRESHOLD}), so a typo does not silently leave a default in force.
 */
final class DidYouMean {
  /** Upper case with underscores, like ours; PATH, HOME or _FAAS_* are never suggestions. */
  private static final Pattern LOOKS_LIKE_OURS = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

  static final int MAX_DISTANCE = 2;

  private DidYouMean() {}

  /** The closest of {@code known} within {@link #MAX_DISTANCE} edits of {@code name}, if any. */
  static Optional<String> suggest(String name, Collection<String> known) {
    if (known.contains(name)) {
      return Optional.empty();
    }
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name)) {
        return Optional.of(candidate);
      }
    }
    if (!LOOKS_LIKE_OURS.matcher(name).matches()) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String candidate : known) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Optimal string alignment distance (insertions, deletions, substitutions, adjacent
   * transpositions), capped at {@code MAX_DISTANCE + 1}. Every variable of the environment is
   * compared with every known name on each cold start, so the comparison stops as soon as a whole
   * row of the table exceeds the bound (no later row can come back under it) and keeps only the
   * three rows the recurrence reads.
   */
  static int distance(String a, String b) {
    int over = MAX_DISTANCE + 1;
    if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) {
      return over;
    }
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, twoBack[j - 2] + 1);
        }
        current[j] = best;
        rowMin = Math.min(rowMin, best);
      }
      if (rowMin > MAX_DISTANCE) {
        return over;
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[b.length()], over);
  }
}
