package io.albqps.reliability;

import java.util.List;
import java.util.Locale;

/** Renders the long run's figures as the markdown of {@code docs/RELIABILITY.md} §5. */
final class LongRunReport {
  private LongRunReport() {}

  static String render(List<LongRunDay> days, String summary, String agreement) {
    LongRunDay first = days.get(0);
    LongRunDay last = days.get(days.size() - 1);
    StringBuilder md = new StringBuilder();
    md.append("- ").append(summary).append(".\n");
    md.append("- ").append(agreement).append(".\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- state file: largest %,d bytes on day 1, %,d on day %d (largest of the run %,d);"
                + " scaling_history at most %d, recommendations at most %d; used heap after GC"
                + " %.1f MiB after day 1, %.1f MiB after day %d.%n%n",
            first.maxStateBytes,
            last.maxStateBytes,
            last.day,
            days.stream().mapToLong(d -> d.maxStateBytes).max().orElseThrow(),
            days.stream().mapToInt(d -> d.maxHistory).max().orElseThrow(),
            days.stream().mapToInt(d -> d.maxRecommendations).max().orElseThrow(),
            first.heapMib(),
            last.heapMib(),
            last.day));
    md.append(
        "| day | evaluations | scale-ups | scale-downs | failures | largest state file (bytes) |"
            + " scaling_history | recommendations | heap after GC (MiB) | wall (s) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (LongRunDay d : days) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %d | %d | %d | %,d | %d | %d | %.1f | %.1f |%n",
              d.day,
              d.evaluations,
              d.scaleUps,
              d.scaleDowns,
              d.failures,
              d.maxStateBytes,
              d.maxHistory,
              d.maxRecommendations,
              d.heapMib(),
              d.wallMillis / 1000.0));
    }
    return md.toString();
  }
}
