package io.albqps.engine;

import java.util.Locale;

/** How the points of the look-back window become one QPS figure. */
public enum QpsStatistic {
  /** Arithmetic mean: what the original solution does. */
  MEAN,
  MAX,
  /** The newest point. */
  LATEST,
  /** 90th percentile, nearest-rank. */
  P90;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The statistic named {@code name} (case-insensitive), or an exception naming the allowed ones.
   */
  public static QpsStatistic parse(String name) {
    for (QpsStatistic s : values()) {
      if (s.wireName().equalsIgnoreCase(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "expected one of mean, max, latest, p90, got '" + name + "'");
  }
}
