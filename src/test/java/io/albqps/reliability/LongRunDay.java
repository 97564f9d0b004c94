package io.albqps.reliability;

import io.albqps.function.Response;
import io.albqps.state.StateDocument;

/**
 * What one virtual day of the long run measured: evaluations and their outcomes, the largest state
 * file and lists seen, and the used heap after a full GC at the day's end. Mutable while its day
 * runs, read only afterwards.
 */
final class LongRunDay {
  final int day;
  long evaluations;
  long failures;
  long conflictsReported;
  long scaleUps;
  long scaleDowns;
  long maxStateBytes;
  int maxHistory;
  int maxRecommendations;
  long heapBytes;
  long wallMillis;

  LongRunDay(int day) {
    this.day = day;
  }

  void count(Response response) {
    evaluations++;
    if (response.statusCode() != 200) {
      failures++;
      boolean stateError =
          response.error().map(e -> "state_error".equals(e.get("type"))).orElse(false);
      if (stateError) {
        conflictsReported++;
      }
      return;
    }
    switch (response.result().action()) {
      case "scale_up" -> scaleUps++;
      case "scale_down" -> scaleDowns++;
      default -> {
        // a hold: nothing to count
      }
    }
  }

  void stateSize(long bytes) {
    maxStateBytes = Math.max(maxStateBytes, bytes);
  }

  void sample(StateDocument doc) {
    maxHistory = Math.max(maxHistory, doc.scalingHistory().size());
    maxRecommendations = Math.max(maxRecommendations, doc.scaler().recommendations().size());
  }

  long actions() {
    return scaleUps + scaleDowns;
  }

  double heapMib() {
    return heapBytes / (1024.0 * 1024.0);
  }
}
