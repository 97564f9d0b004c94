import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times warm timer invocations of a running {@code serve} the way a platform's invoker sends them:
 * one kept-alive HTTP connection, one request after the other. Before each request it puts back the
 * state file as it was when the client started, so every invocation reads and writes the same
 * production-sized state whatever the calls before it left there. Prints one line per timed call:
 * milliseconds, request sent to response read.
 *
 * <p>Run by {@code bench/warm-serve.sh} with the JDK's single-file launcher: {@code java
 * bench/WarmClient.java PORT CALLS WARMUP STATE_FILE}.
 */
public final class WarmClient {
  private static final byte[] TIMER_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

  private WarmClient() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: java bench/WarmClient.java PORT CALLS WARMUP STATE_FILE");
      System.exit(2);
    }
    URI uri = URI.create("http://127.0.0.1:" + Integer.parseInt(args[0]) + "/");
    int calls = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Path stateFile = Path.of(args[3]);
    byte[] steadyState = Files.readAllBytes(stateFile);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < warmup + calls; i++) {
      Files.write(stateFile, steadyState);
      long started = System.nanoTime();
      invoke(uri);
      long took = System.nanoTime() - started;
      if (i >= warmup) {
        out.append(String.format("%.3f%n", took / 1e6));
      }
    }
    System.out.print(out);
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
