package io.albqps.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.engine.ScalerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The revision semantics every {@link StateStore} shares; each store's test extends this. */
abstract class StateStoreContract {
  static final Instant T0 = Instant.parse("2025-10-01T10:00:00Z");
  static final Instant T1 = Instant.parse("2025-10-01T10:01:00Z");

  /** A new, empty store. */
  abstract StateStore newStore() throws Exception;

  /** Another copy's handle on the same stored state as {@code store}. */
  abstract StateStore sameStateAs(StateStore store) throws Exception;

  @Test
  void firstLoadIsAFreshDocumentAtRevisionZero() throws Exception {
    StateStore.LoadResult result = newStore().load(T0);

    assertThat(result.document()).isEqualTo(StateDocument.fresh(T0, ScalerState.INITIAL));
    assertThat(result.recoveredFromCorruption()).isFalse();
    assertThat(result.movedAsideTo()).isEmpty();
  }

  @Test
  void saveWritesTheNextRevisionStampedWithTimeAndExecution() throws Exception {
    StateStore store = newStore();

    StateDocument written = store.save(Documents.full(7), 0, T1, "req-2");

    assertThat(written.revision()).isEqualTo(1);
    assertThat(written.lastUpdated()).isEqualTo(T1);
    assertThat(written.updatedBy()).isEqualTo("req-2");
    assertThat(written.createdAt()).isEqualTo(Documents.CREATED);
    assertThat(written.scaler()).isEqualTo(Documents.full(7).scaler());
  }

  @Test
  void loadReturnsWhatWasSaved() throws Exception {
    StateStore store = newStore();
    StateDocument written = store.save(Documents.full(0), 0, T1, "req-2");

    assertThat(sameStateAs(store).load(T1).document()).isEqualTo(written);
  }

  @Test
  void saveOnAStaleRevisionIsAConflictAndKeepsTheOtherCopysWrite() throws Exception {
    StateStore first = newStore();
    StateStore second = sameStateAs(first);
    long firstRead = first.load(T0).document().revision();
    long secondRead = second.load(T0).document().revision();
    StateDocument firstWrite = first.save(Documents.full(firstRead), firstRead, T1, "copy-a");

    assertThatThrownBy(() -> second.save(Documents.full(secondRead), secondRead, T1, "copy-b"))
        .isInstanceOfSatisfying(
            StateConflictException.class,
            conflict -> {
              assertThat(conflict.expectedRevision()).isZero();
              assertThat(conflict.actualRevision()).isEqualTo(1);
            });
    assertThat(first.load(T1).document()).isEqualTo(firstWrite);
  }

  @Test
  void negativeExpectedRevisionIsRejected() throws Exception {
    StateStore store = newStore();

    assertThatThrownBy(() -> store.save(Documents.full(0), -1, T1, "req"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedRevision");
  }

  @Test
  void threadsSharingOneStoreNeverLoseARevision() throws Exception {
    StateStore store = newStore();
    int threads = 4;
    int savesPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> conflicts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String copy = "copy-" + t;
        conflicts.add(pool.submit(() -> saveRepeatedly(store, copy, savesPerThread)));
      }
      for (Future<Integer> f : conflicts) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(store.load(T1).document().revision()).isEqualTo(threads * savesPerThread);
  }

  /** Saves {@code count} times, re-reading after each conflict as a staggered copy would. */
  static int saveRepeatedly(StateStore store, String copy, int count) throws Exception {
    int conflicts = 0;
    for (int saved = 0; saved < count; ) {
      StateDocument read = store.load(T1).document();
      try {
        store.save(read, read.revision(), T1, copy);
        saved++;
      } catch (StateConflictException e) {
        conflicts++;
      }
    }
    return conflicts;
  }
}
