package io.albqps.state;

import io.albqps.engine.Action;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The child process of {@link CrashSafetyTest}: writes the state file in a tight loop through the
 * real {@link FileStateStore}, printing each revision once its save has returned, until killed (or
 * until an optional write count is reached, or the parent stops reading).
 */
public final class StateWriterProcess {
  private StateWriterProcess() {}

  public static void main(String[] args) throws Exception {
    FileStateStore store = new FileStateStore(Path.of(args[0]));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Instant now = Instant.parse("2025-10-01T00:00:00Z");
    long writes = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
    for (long i = 0; i < writes && !out.checkError(); i++) {
      now = now.plusMillis(1);
      StateDocument read = store.load(now).document();
      StateDocument written = store.save(nextOf(read, now), read.revision(), now, "child");
      out.println(written.revision());
      out.flush();
    }
  }

  /** Changes the document's size from write to write, so that a torn write would show. */
  private static StateDocument nextOf(StateDocument read, Instant now) {
    long revision = read.revision();
    List<StateDocument.HistoryEntry> history = new ArrayList<>(read.scalingHistory());
    history.add(
        new StateDocument.HistoryEntry(
            now,
            revision % 2 == 0 ? "scale_up" : "scale_down",
            "crash_test_" + "x".repeat((int) (revision % 50)),
            (int) (revision % 7),
            (int) (revision % 5),
            OptionalDouble.of(revision * 1.5),
            false,
            "child-" + revision));
    return new StateDocument(
        revision,
        read.createdAt(),
        read.lastUpdated(),
        read.updatedBy(),
        read.scaler().afterAction(Action.SCALE_UP, now),
        read.metricsCache(),
        read.errorTracking(),
        new StateDocument.Statistics(revision, 0, revision, 0),
        history);
  }
}
