package io.albqps.state;

import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Sample documents shared by the state tests. */
final class Documents {
  static final Instant CREATED = Instant.parse("2025-10-01T08:00:00Z");
  static final Instant SCALED_UP = Instant.parse("2025-10-01T09:00:00.250Z");
  static final Instant SCALED_DOWN = Instant.parse("2025-10-01T10:30:00Z");

  private Documents() {}

  /** A document with every field set, at {@code revision}. */
  static StateDocument full(long revision) {
    ScalerState scaler =
        new ScalerState(
            Optional.of(SCALED_DOWN),
            Optional.of(SCALED_UP),
            Optional.of(SCALED_DOWN),
            Optional.of(SCALED_DOWN),
            List.of(
                new Recommendation(Instant.parse("2025-10-01T10:29:00Z"), 5, 240.0),
                new Recommendation(Instant.parse("2025-10-01T10:30:00Z"), 3, 120.5)));
    return new StateDocument(
        revision,
        CREATED,
        Instant.parse("2025-10-01T10:31:00Z"),
        "req-12345",
        scaler,
        new MetricsCache(
            OptionalDouble.of(120.5), Optional.of(Instant.parse("2025-10-01T10:30:00Z")), 3),
        new ErrorTracking(
            1,
            Optional.of(
                new ErrorTracking.LastError(
                    "GetMetricData failed: HTTP 503 ServiceUnavailable (request 20251001-ab)",
                    "ApiException",
                    Instant.parse("2025-10-01T10:20:00Z")))),
        new Statistics(4, 2, 150, 3),
        List.of(
            new HistoryEntry(
                SCALED_UP,
                "scale_up",
                "dynamic_scaling_scale_up",
                2,
                5,
                OptionalDouble.of(240.0),
                false,
                "req-1000"),
            new HistoryEntry(
                SCALED_DOWN,
                "scale_down",
                "dynamic_scaling_scale_down",
                5,
                3,
                OptionalDouble.empty(),
                true,
                "req-1090")));
  }
}
