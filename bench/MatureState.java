import io.albqps.state.StateDocument;
import io.albqps.state.StateFormatException;
import io.albqps.state.StateJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Makes the state file that of a long-running deployment before the warm benchmark times a running
 * {@code serve}: the file as it is, with the scaling history at its cap of {@link
 * StateDocument#MAX_HISTORY} past actions (the largest a state file gets; the month-long reliability
 * run peaks at ~25 KB). Evaluations that hold keep it at that size: the history grows only with
 * actions, the recommendations only with changes. Prints the file's new size in bytes.
 *
 * <p>Run by {@code bench/warm-serve.sh} with the JDK's single-file launcher and the jar on the class
 * path: {@code java -cp target/alb-qps-autoscaler.jar bench/MatureState.java STATE_FILE}.
 */
public final class MatureState {
  private MatureState() {}

  public static void main(String[] args) throws IOException, StateFormatException {
    if (args.length != 1) {
      System.err.println("usage: java -cp JAR bench/MatureState.java STATE_FILE");
      System.exit(2);
    }
    Path stateFile = Path.of(args[0]);
    byte[] mature = withFullHistory(Files.readAllBytes(stateFile));
    putBack(stateFile, mature);
    System.out.println(mature.length);
  }

  /**
   * Writes the state file and flushes it to disk, so the function's first fsync does not also pay
   * for this write (production has no other writer).
   */
  private static void putBack(Path stateFile, byte[] json) throws IOException {
    try (FileChannel file =
        FileChannel.open(
            stateFile,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(json);
      while (buffer.hasRemaining()) {
        file.write(buffer);
      }
      file.force(true);
    }
  }

  /** {@code json} with its scaling history replaced by a full one of alternating past actions. */
  private static byte[] withFullHistory(byte[] json) throws StateFormatException {
    StateDocument doc = StateJson.read(json);
    List<StateDocument.HistoryEntry> history = new ArrayList<>();
    Instant first = doc.lastUpdated().minus(Duration.ofDays(5));
    for (int i = 0; i < StateDocument.MAX_HISTORY; i++) {
      boolean up = i % 2 == 0;
      history.add(
          new StateDocument.HistoryEntry(
              first.plus(Duration.ofMinutes(70L * i)),
              up ? "scale_up" : "scale_down",
              up ? "dynamic_scaling_scale_up" : "dynamic_scaling_scale_down",
              up ? 4 : 6,
              up ? 6 : 4,
              OptionalDouble.of(up ? 280.0 : 190.0),
              false,
              "local-00000000-0000-0000-0000-" + String.format("%012d", i)));
    }
    return StateJson.write(
        new StateDocument(
            doc.revision(),
            doc.createdAt(),
            doc.lastUpdated(),
            doc.updatedBy(),
            doc.scaler(),
            doc.metricsCache(),
            doc.errorTracking(),
            doc.statistics(),
            history));
  }
}
