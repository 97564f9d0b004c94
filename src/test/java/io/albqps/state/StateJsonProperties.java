package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StateJsonProperties {

  @Property(tries = 200)
  void everyDocumentReadsBackAsWritten(@ForAll("documents") StateDocument document)
      throws Exception {
    assertThat(StateJson.read(StateJson.write(document))).isEqualTo(document);
  }

  @Property(tries = 200)
  void writingIsByteStable(@ForAll("documents") StateDocument document) throws Exception {
    byte[] once = StateJson.write(document);

    assertThat(StateJson.write(StateJson.read(once))).isEqualTo(once);
  }

  @Property(tries = 200)
  void theQuickRevisionReadAgreesWithTheFullRead(@ForAll("documents") StateDocument document)
      throws Exception {
    byte[] json = StateJson.write(document);

    assertThat(StateJson.revision(json)).isEqualTo(StateJson.read(json).revision());
  }

  @Provide
  Arbitrary<StateDocument> documents() {
    Arbitrary<ScalerState> scaler =
        Combinators.combine(
                maybe(instants()),
                maybe(instants()),
                maybe(instants()),
                maybe(instants()),
                recommendations().list().ofMaxSize(5))
            .as(ScalerState::new);
    Arbitrary<MetricsCache> cache =
        Combinators.combine(maybeRate(), maybe(instants()), counts()).as(MetricsCache::new);
    Arbitrary<ErrorTracking> errors =
        Combinators.combine(counts(), maybe(lastErrors())).as(ErrorTracking::new);
    Arbitrary<Statistics> statistics =
        Combinators.combine(longs(), longs(), longs(), longs()).as(Statistics::new);
    Arbitrary<Header> header =
        Combinators.combine(longs(), instants(), instants(), texts()).as(Header::new);
    return Combinators.combine(
            header, scaler, cache, errors, statistics, history().list().ofMaxSize(8))
        .as(
            (h, s, c, e, st, hi) ->
                new StateDocument(
                    h.revision(), h.createdAt(), h.lastUpdated(), h.updatedBy(), s, c, e, st, hi));
  }

  private record Header(long revision, Instant createdAt, Instant lastUpdated, String updatedBy) {}

  private static Arbitrary<HistoryEntry> history() {
    return Combinators.combine(
            instants(),
            Arbitraries.of("scale_up", "scale_down", "none"),
            texts(),
            counts(),
            counts(),
            maybeRate(),
            Arbitraries.of(true, false),
            texts())
        .as(HistoryEntry::new);
  }

  private static Arbitrary<ErrorTracking.LastError> lastErrors() {
    return Combinators.combine(texts(), texts(), instants()).as(ErrorTracking.LastError::new);
  }

  private static Arbitrary<Recommendation> recommendations() {
    return Combinators.combine(instants(), counts(), rates()).as(Recommendation::new);
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 4_102_444_800L),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  private static Arbitrary<Double> rates() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1e12),
        Arbitraries.of(0.0, 0.1, 120.5, Double.MIN_VALUE, Double.MAX_VALUE));
  }

  private static Arbitrary<OptionalDouble> maybeRate() {
    return Arbitraries.oneOf(
        rates().map(OptionalDouble::of), Arbitraries.just(OptionalDouble.empty()));
  }

  private static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> values) {
    return values.optional();
  }

  private static Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE);
  }

  private static Arbitrary<Long> longs() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE);
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings().all().ofMaxLength(30);
  }
}
