package io.albqps.emulator;

import static io.albqps.emulator.TestCalls.KEYS;
import static io.albqps.emulator.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.PhaseProfile;
import io.albqps.traffic.PhaseProfile.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GetMetricData: points per period from the load profile, with the ingestion lag. */
class MetricDataTest {
  private static final long START = T0.getEpochSecond();

  /** 10 QPS for 90 s, then 40 QPS. */
  private static final PhaseProfile STEP =
      PhaseProfile.of(
          Phase.hold(Duration.ofSeconds(90), 10), Phase.hold(Duration.ofSeconds(60), 40));

  private final VirtualClock clock = new VirtualClock(T0);
  private final List<Emulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Emulator::close);
  }

  private Emulator start(EmulatorConfig.Builder config) throws Exception {
    Emulator emulator = Emulator.start(config.credentials(KEYS).build(), clock);
    started.add(emulator);
    return emulator;
  }

  private static EmulatorConfig.Builder stepTraffic() {
    return EmulatorConfig.builder()
        .loadProfile(STEP)
        .trafficStart(T0)
        .ingestionLag(Duration.ofSeconds(60));
  }

  private TestCalls.Reply query(Emulator emulator, String albId, long from, long to, String period)
      throws Exception {
    return TestCalls.metricData(TestCalls.qpsBody(albId, from, to, period))
        .signedAt(clock.instant())
        .sendTo(emulator.endpoint());
  }

  private static List<long[]> points(TestCalls.Reply reply) {
    List<long[]> points = new ArrayList<>();
    for (JsonNode p : reply.result().at("/Data/MetricDataResults/0/DataPoints")) {
      points.add(new long[] {p.path("Timestamp").asLong(), Math.round(p.path("Value").asDouble())});
    }
    return points;
  }

  @Test
  void servesOnePointPerPeriodAlignedToPeriodBoundariesWithTheMeanOfThePeriod() throws Exception {
    Emulator emulator = start(stepTraffic());
    clock.advance(Duration.ofMinutes(10));

    List<long[]> points = points(query(emulator, "alb-emulator", START, START + 600, "60s"));

    assertThat(points).hasSize(9);
    assertThat(points.get(0)).containsExactly(START, 10);
    assertThat(points.get(1)).containsExactly(START + 60, 25);
    assertThat(points.get(2)).containsExactly(START + 120, 40);
    assertThat(points).allSatisfy(p -> assertThat(p[0] % 60).isZero());
  }

  @Test
  void publishesAPeriodOnlyOnceItEndedTheIngestionLagAgo() throws Exception {
    Emulator emulator = start(stepTraffic());
    clock.advance(Duration.ofSeconds(179));

    List<long[]> before = points(query(emulator, "alb-emulator", START, START + 179, "60s"));
    clock.advance(Duration.ofSeconds(1));
    List<long[]> after = points(query(emulator, "alb-emulator", START, START + 180, "60s"));

    assertThat(before).extracting(p -> p[0]).containsExactly(START);
    assertThat(after).extracting(p -> p[0]).containsExactly(START, START + 60);
  }

  @Test
  void aShorterPeriodGivesMorePoints() throws Exception {
    Emulator emulator = start(stepTraffic().ingestionLag(Duration.ZERO));
    clock.advance(Duration.ofMinutes(2));

    List<long[]> points = points(query(emulator, "alb-emulator", START, START + 120, "15s"));

    assertThat(points).hasSize(8);
    assertThat(points.get(5)).containsExactly(START + 75, 10);
    assertThat(points.get(6)).containsExactly(START + 90, 40);
  }

  @Test
  void anUnknownAlbGetsEmptyDataPoints() throws Exception {
    Emulator emulator = start(stepTraffic());
    clock.advance(Duration.ofMinutes(10));

    TestCalls.Reply reply = query(emulator, "alb-other", START, START + 600, "60s");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().at("/Data/MetricDataResults/0/DataPoints")).isEmpty();
    assertThat(reply.result().at("/Data/MetricDataResults/0/Dimensions/0/Value").asText())
        .isEqualTo("alb-other");
  }

  @Test
  void dropsTheSameShareOfPointsForTheSameSeed() throws Exception {
    Emulator first = start(stepTraffic().missingPointRate(0.5).seed(42));
    Emulator second = start(stepTraffic().missingPointRate(0.5).seed(42));
    clock.advance(Duration.ofHours(2));

    List<long[]> a = points(query(first, "alb-emulator", START, START + 7200, "60s"));
    List<long[]> b = points(query(second, "alb-emulator", START, START + 7200, "60s"));

    assertThat(a).hasSizeBetween(30, 90);
    assertThat(a).usingRecursiveFieldByFieldElementComparator().isEqualTo(b);
  }

  @Test
  void refusesAnUnknownNamespace() throws Exception {
    Emulator emulator = start(stepTraffic());
    String body =
        TestCalls.qpsBody("alb-emulator", START, START + 60, "60s").replace("VCM_ALB", "VCM_ECS");

    TestCalls.Reply reply = TestCalls.metricData(body).sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("InvalidParameter");
    assertThat(reply.body()).contains("Namespace");
  }

  @Test
  void refusesAnEndTimeBeforeTheStartTime() throws Exception {
    Emulator emulator = start(stepTraffic());

    TestCalls.Reply reply = query(emulator, "alb-emulator", START, START - 60, "60s");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("EndTime");
  }

  @Test
  void refusesMoreThan1440PointsPerRequest() throws Exception {
    Emulator emulator = start(stepTraffic());

    TestCalls.Reply reply = query(emulator, "alb-emulator", START - 86400, START, "15s");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("1440");
  }
}
