package io.albqps.bench;

import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument;
import io.albqps.state.StateFormatException;
import io.albqps.state.StateJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading and writing the state file of a long-running deployment (scaling history at its cap of
 * 100 actions, a few recommendations; ~28 KB, as {@code bench/MatureState.java} makes it), which
 * every evaluation does once each. The forks run with {@code run.sh}'s JIT setting (C1 only), since
 * that is the code a warm {@code serve} runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
public class StateJsonBenchmark {
  private StateDocument document;
  private byte[] json;

  @Setup
  public void prepare() {
    Instant now = Instant.parse("2024-06-19T07:13:06.123Z");
    List<Recommendation> recommendations = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      recommendations.add(new Recommendation(now.minusSeconds(60L * i), 5 + i, 231.5 + i));
    }
    ScalerState scaler =
        new ScalerState(
            Optional.of(now.minusSeconds(600)),
            Optional.of(now.minusSeconds(600)),
            Optional.of(now.minusSeconds(4000)),
            Optional.of(now.minusSeconds(600)),
            recommendations);
    List<StateDocument.HistoryEntry> history = new ArrayList<>();
    Instant first = now.minus(Duration.ofDays(5));
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
    document =
        new StateDocument(
            5_000,
            now.minus(Duration.ofDays(30)),
            now,
            "req-5000",
            scaler,
            new StateDocument.MetricsCache(OptionalDouble.of(231.5), Optional.of(now), 5),
            StateDocument.ErrorTracking.NONE,
            new StateDocument.Statistics(50, 50, 5_000, 3),
            history);
    json = StateJson.write(document);
  }

  @Benchmark
  public StateDocument read() throws StateFormatException {
    return StateJson.read(json);
  }

  @Benchmark
  public byte[] write() {
    return StateJson.write(document);
  }
}
