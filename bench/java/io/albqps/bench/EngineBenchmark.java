package io.albqps.bench;

import io.albqps.engine.Decision;
import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Instance;
import io.albqps.engine.MetricPoint;
import io.albqps.engine.Observation;
import io.albqps.engine.Policy;
import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import io.albqps.engine.ScalingEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures one {@link ScalingEngine#decide} call on a realistic evaluation: a 5-minute window of
 * 1-minute points, dynamic mode with up and down windows, warm-up, panic and prediction on, a
 * 10-minute recommendation history and a listed group of 8 instances.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
  private final Instant now = Instant.parse("2024-01-15T10:30:00Z");
  private Policy policy;
  private Observation observation;
  private ScalerState state;

  @Setup
  public void setUp() {
    policy =
        Policy.builder()
            .upscaleDelay(Duration.ofSeconds(60))
            .downscaleDelay(Duration.ofSeconds(600))
            .instanceWarmup(Duration.ofSeconds(300))
            .panicThreshold(2)
            .predictiveHorizon(Duration.ofSeconds(120))
            .build();
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      points.add(new MetricPoint(now.minusSeconds(60L * (5 - i)), 300 + 10 * i));
    }
    List<Instance> instances = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      instances.add(new Instance("i-" + i, Instance.IN_SERVICE, now.minusSeconds(3600)));
    }
    GroupSnapshot group = GroupSnapshot.listed("scg-bench", "Active", 1, 20, 8, 8, instances);
    observation =
        new Observation(points, Duration.ofMinutes(5), Duration.ofMinutes(1), group, false);
    List<Recommendation> history = new ArrayList<>();
    for (int i = 11; i >= 1; i--) {
      history.add(new Recommendation(now.minusSeconds(60L * i), 7, 310));
    }
    state =
        new ScalerState(
            Optional.of(now.minusSeconds(900)),
            Optional.of(now.minusSeconds(900)),
            Optional.empty(),
            Optional.of(now.minusSeconds(900)),
            history);
  }

  @Benchmark
  public Decision decide() {
    return ScalingEngine.decide(policy, observation, state, now);
  }
}
