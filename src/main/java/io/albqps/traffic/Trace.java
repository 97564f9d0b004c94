package io.albqps.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recorded traffic replayed as a step function of QPS, so the simulator and the emulator can run a
 * user's own load. Three file formats are read, told apart by the first line:
 *
 * <ul>
 *   <li>{@code t,qps}: {@code t} whole seconds from the start, {@code qps} the rate until the next
 *       row (the format of {@code shared/traces});
 *   <li>{@code timestamp,value}: ISO-8601 timestamps ({@code 2014-04-10T00:02:00Z}, or without a
 *       zone, read as UTC) and the rate until the next row;
 *   <li>anything else: a request log, one request per line whose first field is its timestamp (ISO,
 *       or epoch seconds or milliseconds, fractions allowed), counted per wall-clock second from
 *       the first request's; a first line that is not a timestamp is a header and skipped.
 * </ul>
 *
 * The last row of a rate file lasts as long as the row before it. Rates are exact integrals: the
 * mean over any span is computed from the steps, not sampled.
 */
public final class Trace implements LoadProfile {
  private static final double MICROS = 1_000_000.0;

  private final double[] startSeconds;
  private final double[] qps;
  private final double[] requestsBefore;
  private final double lengthSeconds;

  private Trace(double[] startSeconds, double[] qps, double lengthSeconds) {
    this.startSeconds = startSeconds;
    this.qps = qps;
    this.lengthSeconds = lengthSeconds;
    this.requestsBefore = new double[startSeconds.length];
    for (int i = 1; i < startSeconds.length; i++) {
      requestsBefore[i] =
          requestsBefore[i - 1] + qps[i - 1] * (startSeconds[i] - startSeconds[i - 1]);
    }
  }

  /**
   * A step function: {@code qps[i]} from {@code startSeconds[i]} until the next start, the last one
   * until {@code lengthSeconds}. Starts begin at 0 and increase strictly.
   */
  public static Trace ofSteps(double[] startSeconds, double[] qps, double lengthSeconds) {
    if (startSeconds.length == 0 || startSeconds.length != qps.length) {
      throw new IllegalArgumentException(
          "a trace needs as many starts as rates, at least one; got "
              + startSeconds.length
              + " and "
              + qps.length);
    }
    if (startSeconds[0] != 0) {
      throw new IllegalArgumentException("the first step must start at 0, got " + startSeconds[0]);
    }
    for (int i = 0; i < qps.length; i++) {
      if (!Double.isFinite(qps[i]) || qps[i] < 0) {
        throw new IllegalArgumentException("qps[" + i + "] must be finite and >= 0, got " + qps[i]);
      }
      if (i > 0 && !(startSeconds[i] > startSeconds[i - 1])) {
        throw new IllegalArgumentException("step starts must increase, at index " + i);
      }
    }
    double last = startSeconds[startSeconds.length - 1];
    if (!(lengthSeconds > last)) {
      throw new IllegalArgumentException(
          "lengthSeconds must exceed the last start " + last + ", got " + lengthSeconds);
    }
    return new Trace(startSeconds.clone(), qps.clone(), lengthSeconds);
  }

  /** Reads a trace file in any of the three formats. */
  public static Trace read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  /** Parses the lines of a trace file; {@code source} names the file in errors. */
  public static Trace parse(List<String> lines, String source) {
    int first = firstDataLine(lines, 0);
    if (first < 0) {
      throw new TraceFormatException(source + ": the file has no data");
    }
    String header = String.join(",", fields(lines.get(first))).toLowerCase(Locale.ROOT);
    return switch (header) {
      case "t,qps" -> parseRates(lines, first, source, false);
      case "timestamp,value" -> parseRates(lines, first, source, true);
      default -> parseRequestLog(lines, first, source);
    };
  }

  /** This trace with every rate multiplied by {@code factor} (> 0). */
  public Trace scaled(double factor) {
    if (!(factor > 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("scale must be a finite number > 0, got " + factor);
    }
    double[] rates = qps.clone();
    for (int i = 0; i < rates.length; i++) {
      rates[i] *= factor;
    }
    return new Trace(startSeconds, rates, lengthSeconds);
  }

  /** How many steps the trace holds. */
  public int steps() {
    return qps.length;
  }

  @Override
  public double qpsAt(Duration sinceStart) {
    return qps[indexAt(seconds(sinceStart))];
  }

  @Override
  public Duration length() {
    return Duration.ofNanos(Math.round(lengthSeconds * 1e9));
  }

  @Override
  public double meanQps(Duration from, Duration span) {
    double a = seconds(from);
    double width = span.toNanos() / 1e9;
    if (width <= 0) {
      return qpsAt(from);
    }
    return (requestsUntil(a + width) - requestsUntil(a)) / width;
  }

  @Override
  public String toString() {
    return "Trace[" + qps.length + " steps, " + lengthSeconds + " s]";
  }

  private double requestsUntil(double x) {
    int k = indexAt(x);
    return requestsBefore[k] + qps[k] * (x - startSeconds[k]);
  }

  private int indexAt(double x) {
    int found = Arrays.binarySearch(startSeconds, x);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  private static double seconds(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time since start must be >= 0, got " + d);
    }
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static Trace parseRates(List<String> lines, int header, String source, boolean iso) {
    String[] names = iso ? new String[] {"timestamp", "value"} : new String[] {"t", "qps"};
    List<double[]> rows = new ArrayList<>();
    double origin = 0;
    for (int i = firstDataLine(lines, header + 1); i >= 0; i = firstDataLine(lines, i + 1)) {
      int line = i + 1;
      String[] f = fields(lines.get(i));
      if (f.length != 2) {
        throw TraceFormatException.at(
            source,
            line,
            "expected 2 columns (" + names[0] + "," + names[1] + "), got " + f.length);
      }
      double at =
          iso
              ? timestampMicros(f[0], source, line, 1, names[0]) / MICROS
              : seconds(f[0], source, line);
      double rate = rate(f[1], source, line, names[1]);
      if (rows.isEmpty()) {
        origin = at;
      }
      double offset = at - origin;
      if (!rows.isEmpty() && !(offset > rows.get(rows.size() - 1)[0])) {
        throw TraceFormatException.at(
            source, line, 1, names[0], f[0], "a time after the previous row's");
      }
      rows.add(new double[] {offset, rate});
    }
    if (rows.size() < 2) {
      throw TraceFormatException.at(
          source, header + 1, "a rate trace needs at least two rows to know its step");
    }
    double[] starts = new double[rows.size()];
    double[] rates = new double[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      starts[k] = rows.get(k)[0];
      rates[k] = rows.get(k)[1];
    }
    int n = starts.length;
    double length = starts[n - 1] + (starts[n - 1] - starts[n - 2]);
    return new Trace(starts, rates, length);
  }

  private static Trace parseRequestLog(List<String> lines, int first, String source) {
    int start = first;
    String firstField = fields(lines.get(first))[0];
    if (Timestamps.parseMicros(firstField) == null) {
      start = firstDataLine(lines, first + 1);
    }
    long[] micros = new long[Math.max(0, lines.size() - Math.max(start, 0))];
    int count = 0;
    for (int i = start; i >= 0; i = firstDataLine(lines, i + 1)) {
      micros[count++] = timestampMicros(fields(lines.get(i))[0], source, i + 1, 1, "timestamp");
    }
    if (count == 0) {
      throw new TraceFormatException(source + ": the request log has no requests");
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      min = Math.min(min, micros[k]);
      max = Math.max(max, micros[k]);
    }
    min -= Math.floorMod(min, 1_000_000L); // count per wall-clock second
    int seconds = Math.toIntExact((max - min) / 1_000_000L + 1);
    double[] perSecond = new double[seconds];
    for (int k = 0; k < count; k++) {
      perSecond[(int) ((micros[k] - min) / 1_000_000L)]++;
    }
    double[] starts = new double[seconds];
    for (int s = 0; s < seconds; s++) {
      starts[s] = s;
    }
    return new Trace(starts, perSecond, seconds);
  }

  private static double seconds(String value, String source, int line) {
    try {
      long t = Long.parseLong(value);
      if (t >= 0) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below with the line and column
    }
    throw TraceFormatException.at(source, line, 1, "t", value, "whole seconds >= 0");
  }

  private static double rate(String value, String source, int line, String column) {
    try {
      double rate = Double.parseDouble(value);
      if (Double.isFinite(rate) && rate >= 0) {
        return rate;
      }
    } catch (NumberFormatException e) {
      // reported below with the line and column
    }
    throw TraceFormatException.at(source, line, 2, column, value, "a finite number >= 0");
  }

  private static long timestampMicros(
      String value, String source, int line, int column, String columnName) {
    Long micros = Timestamps.parseMicros(value);
    if (micros == null) {
      throw TraceFormatException.at(
          source,
          line,
          column,
          columnName,
          value,
          "an ISO-8601 timestamp or epoch seconds/milliseconds");
    }
    return micros;
  }

  private static int firstDataLine(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.isEmpty() && !line.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static String[] fields(String line) {
    String[] parts = line.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
        p = p.substring(1, p.length() - 1).trim();
      }
      parts[i] = p;
    }
    return parts;
  }
}
