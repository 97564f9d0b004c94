package io.albqps.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of every policy (ours under random parameters, and each baseline) over random
 * observations and states. Each case is built from one seed so a failure reproduces exactly.
 */
class ScalingEngineProperties {
  private static final Instant NOW = Obs.NOW;
  private static final String[] LIFECYCLES = {"Active", "Active", "Active", "Locked", "Inactive"};
  private static final String[] STATUSES = {"InService", "InService", "Pending", "Removing"};

  /** One random evaluation: who decides, on what. */
  record Case(Autoscaler autoscaler, Observation obs, ScalerState state, Duration staleAfter) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(ScalingEngineProperties::randomCase);
  }

  @Property(tries = 2000)
  void newDesiredStaysWithinTheGroupBounds(@ForAll("cases") Case c) {
    GroupSnapshot group = c.obs().group();
    Decision decision = c.autoscaler().decide(c.obs(), c.state(), NOW);

    assertThat(decision.newDesired()).isBetween(group.minInstances(), group.maxInstances());
  }

  @Property(tries = 2000)
  void missingStaleOrPartialDataNeverScalesDown(@ForAll("cases") Case c) {
    Observation obs = c.obs();
    List<MetricPoint> points = obs.points();
    boolean missing =
        points.isEmpty()
            || points
                .get(points.size() - 1)
                .timestamp()
                .plus(obs.pointInterval())
                .plus(c.staleAfter())
                .isBefore(NOW);
    boolean partial = 2 * points.size() < obs.expectedPoints();

    Decision decision = c.autoscaler().decide(obs, c.state(), NOW);

    if (missing) {
      assertThat(decision.action()).isEqualTo(Action.NONE);
    }
    if (partial) {
      assertThat(decision.action()).isNotEqualTo(Action.SCALE_DOWN);
    }
  }

  @Property(tries = 1000)
  void decideIsDeterministic(@ForAll("cases") Case c) {
    Decision first = c.autoscaler().decide(c.obs(), c.state(), NOW);
    Decision second = c.autoscaler().decide(c.obs(), c.state(), NOW);

    assertThat(second).isEqualTo(first);
  }

  @Property(tries = 2000)
  void neverMovesOppositeToTheRawRecommendation(@ForAll("cases") Case c) {
    Decision decision = c.autoscaler().decide(c.obs(), c.state(), NOW);

    switch (decision.action()) {
      case SCALE_UP -> assertThat(decision.recommended()).isGreaterThan(decision.currentDesired());
      case SCALE_DOWN -> assertThat(decision.recommended()).isLessThan(decision.currentDesired());
      case NONE -> assertThat(decision.newDesired()).isEqualTo(decision.currentDesired());
    }
  }

  private static Case randomCase(long seed) {
    Random random = new Random(seed);
    Observation obs = randomObservation(random);
    ScalerState state = randomState(random);
    int which = random.nextInt(6);
    double target = 1 + random.nextInt(200);
    if (which < 2) {
      Policy policy = randomPolicy(random);
      return new Case(ScalingEngine.ours(policy), obs, state, policy.metricStaleAfter());
    }
    Autoscaler baseline = Baselines.byName(Baselines.NAMES.get(which - 2), target);
    Duration staleAfter =
        baseline instanceof PolicyAutoscaler legacy
            ? legacy.policy().metricStaleAfter()
            : Guards.defaultStaleAfter(obs);
    return new Case(baseline, obs, state, staleAfter);
  }

  private static Policy randomPolicy(Random random) {
    return Policy.builder()
        .dynamicScaling(random.nextInt(3) > 0)
        .targetQpsPerInstance(1 + random.nextInt(200))
        .scaleUpIncrement(1 + random.nextInt(3))
        .scaleDownDecrement(1 + random.nextInt(3))
        .maxScaleUpPerAction(random.nextInt(4))
        .maxScaleDownPerAction(random.nextInt(4))
        .scaleUpCooldown(seconds(random, 600))
        .scaleDownCooldown(seconds(random, 900))
        .generalCooldown(seconds(random, 300))
        .scaleTolerance(random.nextInt(3) * 0.1)
        .scaleDownTolerance(random.nextInt(4) * 0.1)
        .upscaleDelay(seconds(random, 300))
        .downscaleDelay(seconds(random, 900))
        .upscalingFactor(0.25 + random.nextInt(12) * 0.25)
        .downscalingFactor(0.25 + random.nextInt(8) * 0.25)
        .qpsStatistic(QpsStatistic.values()[random.nextInt(4)])
        .instanceWarmup(seconds(random, 600))
        .panicThreshold(random.nextBoolean() ? 0 : 1.5 + random.nextInt(4))
        .predictiveHorizon(seconds(random, 600))
        .predictiveMaxRatio(random.nextBoolean() ? 0 : 1 + random.nextInt(5) * 0.25)
        .predictiveMinRises(random.nextInt(4))
        .metricStaleAfter(Duration.ofSeconds(60 + random.nextInt(900)))
        .build();
  }

  private static Observation randomObservation(Random random) {
    int min = random.nextInt(4);
    int max = min + random.nextInt(30);
    int desired = min + random.nextInt(max - min + 1);
    int total = Math.max(0, desired + random.nextInt(3) - 1);
    String lifecycle = LIFECYCLES[random.nextInt(LIFECYCLES.length)];
    Duration interval = Duration.ofSeconds(random.nextBoolean() ? 60 : 15);
    Duration window = interval.multipliedBy(1 + random.nextInt(10));
    int expected = (int) (window.toSeconds() / interval.toSeconds());
    int count = random.nextInt(expected + 2);
    Duration newestAge = Duration.ofSeconds(random.nextInt(random.nextInt(5) == 0 ? 7200 : 180));
    double level = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 3000;
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = NOW.minus(newestAge).minus(interval.multipliedBy(count - 1L - i));
      points.add(new MetricPoint(at, Math.max(0, level * (0.5 + random.nextDouble()))));
    }
    GroupSnapshot group;
    if (random.nextBoolean()) {
      group = GroupSnapshot.unlisted("scg-p", lifecycle, min, max, desired, total);
    } else {
      List<Instance> instances = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        String status = STATUSES[random.nextInt(STATUSES.length)];
        instances.add(new Instance("i-" + i, status, NOW.minusSeconds(random.nextInt(1200))));
      }
      group = GroupSnapshot.listed("scg-p", lifecycle, min, max, desired, total, instances);
    }
    return new Observation(points, window, interval, group, random.nextInt(8) == 0);
  }

  private static ScalerState randomState(Random random) {
    List<Recommendation> history = new ArrayList<>();
    int entries = random.nextInt(15);
    for (int i = 0; i < entries; i++) {
      history.add(
          new Recommendation(
              NOW.minusSeconds(random.nextInt(1800)), random.nextInt(40), random.nextInt(2000)));
    }
    return new ScalerState(
        maybeAgo(random), maybeAgo(random), maybeAgo(random), maybeAgo(random), history);
  }

  private static Optional<Instant> maybeAgo(Random random) {
    return random.nextBoolean()
        ? Optional.empty()
        : Optional.of(NOW.minusSeconds(random.nextInt(1200)));
  }

  private static Duration seconds(Random random, int bound) {
    return random.nextBoolean() ? Duration.ZERO : Duration.ofSeconds(random.nextInt(bound));
  }
}
