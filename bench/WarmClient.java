import io.albqps.state.StateDocument;
import io.albqps.state.StateFormatException;
import io.albqps.state.StateJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Times warm timer invocations of a running {@code serve} the way a platform's invoker sends them:
 * one kept-alive HTTP connection, one request after the other. Before each request it puts back the
 * state file of a long-running deployment: the file as the client found it, with the scaling
 * history at its cap of {@link StateDocument#MAX_HISTORY} past actions (the largest a state file
 * gets; the month-long reliability run peaks at ~25 KB). Prints one line per timed call:
 * milliseconds, request sent to response read.
 *
 * <p>Run by {@code bench/warm-serve.sh} with the JDK's single-file launcher and the jar on the class
 * path: {@code java -cp target/alb-qps-autoscaler.jar bench/WarmClient.java PORT CALLS WARMUP
 * STATE_FILE}.
 */
public final class WarmClient {
  private static final byte[] TIMER_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

  private WarmClient() {}

  public static void main(String[] args) throws IOException, StateFormatException {
    if (args.length != 4) {
      System.err.println("usage: java bench/WarmClient.java PORT CALLS WARMUP STATE_FILE");
      System.exit(2);
    }
    URI uri = URI.create("http://127.0.0.1:" + Integer.parseInt(args[0]) + "/");
    int calls = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Path stateFile = Path.of(args[3]);
    byte[] steadyState = withFullHistory(Files.readAllBytes(stateFile));
    System.err.println("state file put back before each call: " + steadyState.length + " bytes");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < warmup + calls; i++) {
      putBack(stateFile, steadyState);
      long started = System.nanoTime();
      invoke(uri);
      long took = System.nanoTime() - started;
      if (i >= warmup) {
        out.append(String.format("%.3f%n", took / 1e6));
      }
    }
    System.out.print(out);
  }

  /**
   * Writes the state file and flushes it to disk before the timed call, so the function's own
   * fsync does not also pay for this write (production has no writer between invocations).
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

  /** One timer invocation; fails unless HTTP 200. Reads the whole body, so the connection is reused. */
  private static void invoke(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setRequestProperty("ce-type", "bytefaas.timer.event");
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(TIMER_EVENT.length);
    try (OutputStream body = connection.getOutputStream()) {
      body.write(TIMER_EVENT);
    }
    int status = connection.getResponseCode();
    if (status != 200) {
      throw new IOException("invocation answered HTTP " + status);
    }
    try (InputStream response = connection.getInputStream()) {
      response.readAllBytes();
    }
  }
}
