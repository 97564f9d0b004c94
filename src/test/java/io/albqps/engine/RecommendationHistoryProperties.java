package io.albqps.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The pruned history that the engine keeps (old entries dropped, repeats not appended) answers
 * every window exactly as the whole, never-pruned history would: same minimum, same maximum, same
 * "not yet observed". Each case is one seed: evaluations at random gaps, recommendations that
 * mostly repeat, and windows up to the longest one kept.
 */
class RecommendationHistoryProperties {
  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

  @Property(tries = 500)
  void prunedHistoryAnswersEveryWindowAsTheWholeHistoryDoes(@ForAll long seed) {
    Random random = new Random(seed);
    Duration keep = Duration.ofSeconds(60 + random.nextInt(1800));
    List<Recommendation> whole = new ArrayList<>();
    List<Recommendation> kept = List.of();
    Instant now = START;
    int desired = 1 + random.nextInt(5);
    for (int step = 0; step < 200; step++) {
      now = now.plusSeconds(1 + random.nextInt(random.nextBoolean() ? 20 : 200));
      if (random.nextInt(4) == 0) {
        desired = 1 + random.nextInt(5);
      }
      Recommendation entry = new Recommendation(now, desired, random.nextDouble() * 500);
      whole.add(entry);
      kept = RecommendationHistory.appendAndPrune(kept, entry, keep);
      for (int i = 0; i < 3; i++) {
        Duration window = Duration.ofSeconds(random.nextInt((int) keep.toSeconds() + 1));
        assertThat(RecommendationHistory.windowMin(kept, now, window))
            .as("min over %s at step %d", window, step)
            .isEqualTo(RecommendationHistory.windowMin(whole, now, window));
        assertThat(RecommendationHistory.windowMax(kept, now, window))
            .as("max over %s at step %d", window, step)
            .isEqualTo(RecommendationHistory.windowMax(whole, now, window));
      }
    }
  }

  @Test
  void aSteadyRecommendationKeepsOneEntryWhateverTheWindow() {
    Duration keep = Duration.ofSeconds(86_400);
    List<Recommendation> kept = List.of();
    Instant now = START;
    for (int step = 0; step < 5_760; step++) {
      now = now.plusSeconds(15);
      kept = RecommendationHistory.appendAndPrune(kept, new Recommendation(now, 4, 180), keep);
    }

    assertThat(kept).hasSize(1);
  }
}
