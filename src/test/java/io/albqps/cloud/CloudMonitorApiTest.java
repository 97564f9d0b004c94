package io.albqps.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.albqps.cloud.CloudTestSupport.KEYS;
import static io.albqps.cloud.CloudTestSupport.NOW;
import static io.albqps.cloud.CloudTestSupport.SK;
import static io.albqps.cloud.CloudTestSupport.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.albqps.time.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GetMetricData: the request sent, and how each kind of answer becomes a series or an error. */
class CloudMonitorApiTest {
  @RegisterExtension static WireMockExtension server = CloudTestSupport.loopbackWireMock();

  static final String ALB = "alb-abc123";
  static final Instant END = Instant.ofEpochSecond(1718780300);
  static final Instant START = END.minusSeconds(300);

  BytePlusClient client;
  ServiceEndpoint endpoint;

  @BeforeEach
  void setUp() {
    VirtualClock clock = new VirtualClock(NOW);
    client = CloudTestSupport.client(KEYS, clock, new Fakes.RecordingSleeper(clock)).build();
    endpoint =
        CloudMonitorApi.endpoint(CloudTestSupport.baseUri(server), CloudMonitorApi.DEFAULT_SERVICE);
  }

  void answer(String dataJson) {
    server.stubFor(
        any(anyUrl()).willReturn(okJson(envelope("GetMetricData", "{\"Data\":" + dataJson + "}"))));
  }

  static String points(String dataPointsJson) {
    return "{\"MetricName\":\"load_balancer_qps\",\"MetricDataResults\":[{\"Dimensions\":"
        + "[{\"Name\":\"ResourceID\",\"Value\":\""
        + ALB
        + "\"}],\"DataPoints\":"
        + dataPointsJson
        + "}]}";
  }

  @Test
  void postsTheMetricQueryForTheLoadBalancer() throws Exception {
    answer(points("[]"));

    CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END);

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo("/?Action=GetMetricData&Version=2018-01-01");
    // The exact bytes of reference vector B, but for the period this 5-minute window gets.
    assertThat(sent.getBodyAsString())
        .isEqualTo(
            "{\"StartTime\":1718780000,\"EndTime\":1718780300,\"Namespace\":\"VCM_ALB\","
                + "\"SubNamespace\":\"loadbalancer\",\"MetricName\":\"load_balancer_qps\","
                + "\"Period\":\"1m\",\"Instances\":[{\"Dimensions\":[{\"Name\":\"ResourceID\","
                + "\"Value\":\"alb-abc123\"}]}]}");
    assertThat(SignatureCheck.verify(sent, SK).service()).isEqualTo("cloudmonitor");
  }

  @Test
  void postsTheListenerQueryWithBothDimensions() throws Exception {
    answer(points("[]"));

    CloudMonitorApi.forListener(client, endpoint, ALB, "lsn-9").qps(START, END);

    assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString())
        .contains("\"SubNamespace\":\"listener\",\"MetricName\":\"listener_qps\"")
        .contains(
            "\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\"alb-abc123\"},"
                + "{\"Name\":\"ListenerID\",\"Value\":\"lsn-9\"}]");
  }

  @Test
  void signsWithTheConfiguredServiceName() throws Exception {
    answer(points("[]"));
    ServiceEndpoint observe =
        CloudMonitorApi.endpoint(CloudTestSupport.baseUri(server), "volc_observe");

    CloudMonitorApi.forLoadBalancer(client, observe, ALB).qps(START, END);

    assertThat(SignatureCheck.verify(server.getAllServeEvents().get(0).getRequest(), SK).service())
        .isEqualTo("volc_observe");
  }

  @Test
  void returnsPointsSortedWithTheirTimestampsAndThePeriod() throws Exception {
    answer(
        points(
            "[{\"Timestamp\":1718780240,\"Value\":12.5},{\"Timestamp\":1718780120,\"Value\":0},"
                + "{\"Timestamp\":1718780180,\"Value\":7}]"));

    MetricSeries series = CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END);

    assertThat(series.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(series.points())
        .containsExactly(
            new MetricSeries.Point(Instant.ofEpochSecond(1718780120), 0.0),
            new MetricSeries.Point(Instant.ofEpochSecond(1718780180), 7.0),
            new MetricSeries.Point(Instant.ofEpochSecond(1718780240), 12.5));
  }

  @ParameterizedTest(name = "{0} -> no data")
  @MethodSource("emptyAnswers")
  void emptyAnswersMeanNoDataNeverZero(String description, String dataJson) throws Exception {
    answer(dataJson);

    MetricSeries series = CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END);

    assertThat(series.points()).isEmpty();
  }

  static Stream<Arguments> emptyAnswers() {
    return Stream.of(
        Arguments.of("empty DataPoints", points("[]")),
        Arguments.of("null DataPoints", points("null")),
        Arguments.of("empty MetricDataResults", "{\"MetricDataResults\":[]}"),
        Arguments.of("no MetricDataResults", "{\"MetricName\":\"load_balancer_qps\"}"),
        Arguments.of("null Data", "null"));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("badValues")
  void rejectsValuesThatAreNotAFiniteNonNegativeNumber(String description, String pointJson) {
    answer(points("[" + pointJson + "]"));

    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END));

    assertThat(e.errorCode()).contains("MalformedResponse");
    assertThat(e.getMessage()).contains("DataPoints[0]");
    assertThat(e.requestId()).contains("req-GetMetricData");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("NaN", "{\"Timestamp\":1718780120,\"Value\":NaN}"),
        Arguments.of("Infinity", "{\"Timestamp\":1718780120,\"Value\":Infinity}"),
        Arguments.of("a negative value", "{\"Timestamp\":1718780120,\"Value\":-1.5}"),
        Arguments.of("a string value", "{\"Timestamp\":1718780120,\"Value\":\"12\"}"),
        Arguments.of("a null value", "{\"Timestamp\":1718780120,\"Value\":null}"),
        Arguments.of("a missing value", "{\"Timestamp\":1718780120}"),
        Arguments.of("a missing timestamp", "{\"Value\":3}"),
        Arguments.of("a fractional timestamp", "{\"Timestamp\":1718780120.5,\"Value\":3}"));
  }

  @Test
  void picksTheSeriesOfOurAlbWhenSeveralComeBack() throws Exception {
    answer(
        "{\"MetricDataResults\":["
            + "{\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\"alb-other\"}],"
            + "\"DataPoints\":[{\"Timestamp\":1718780120,\"Value\":99}]},"
            + "{\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\"alb-abc123\"}],"
            + "\"DataPoints\":[{\"Timestamp\":1718780120,\"Value\":5}]}]}");

    MetricSeries series = CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END);

    assertThat(series.points()).extracting(MetricSeries.Point::value).containsExactly(5.0);
  }

  @Test
  void severalSeriesNoneOfOurAlbIsAnError() {
    answer(
        "{\"MetricDataResults\":["
            + "{\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\"alb-x\"}],\"DataPoints\":[]},"
            + "{\"Dimensions\":[{\"Name\":\"ResourceID\",\"Value\":\"alb-y\"}],\"DataPoints\":[]}]}");

    assertThatThrownBy(() -> CloudMonitorApi.forLoadBalancer(client, endpoint, ALB).qps(START, END))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("none has ResourceID alb-abc123");
  }

  @ParameterizedTest(name = "window {0} s -> period {1}")
  @MethodSource("periods")
  void choosesThePeriodFromTheWindowAsTheOriginalDoes(long windowSeconds, String period)
      throws Exception {
    answer(points("[]"));

    MetricSeries series =
        CloudMonitorApi.forLoadBalancer(client, endpoint, ALB)
            .qps(END.minusSeconds(windowSeconds), END);

    assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString())
        .contains("\"Period\":\"" + period + "\"");
    assertThat(CloudMonitorApi.periodText(series.period())).isEqualTo(period);
  }

  static Stream<Arguments> periods() {
    return Stream.of(
        Arguments.of(10, "15s"),
        Arguments.of(30, "15s"),
        Arguments.of(31, "30s"),
        Arguments.of(120, "30s"),
        Arguments.of(121, "1m"),
        Arguments.of(600, "1m"),
        Arguments.of(601, "5m"),
        Arguments.of(3600, "5m"));
  }

  @Test
  void refusesAnEmptyOrReversedWindowBeforeAnyCall() {
    CloudMonitorApi api = CloudMonitorApi.forLoadBalancer(client, endpoint, ALB);

    assertThatThrownBy(() -> api.qps(END, END)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void refusesAnAlbIdWithoutItsPrefix() {
    assertThatThrownBy(() -> CloudMonitorApi.forLoadBalancer(client, endpoint, "abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alb-");
  }

  @Test
  void derivesTheRegionalEndpointFromTheServiceName() {
    assertThat(CloudMonitorApi.endpoint("ap-southeast-1", "cloudmonitor").uri())
        .isEqualTo(URI.create("https://cloudmonitor.ap-southeast-1.byteplusapi.com"));
    assertThat(CloudMonitorApi.endpoint("ap-southeast-1", "volc_observe").uri())
        .isEqualTo(URI.create("https://volc-observe.ap-southeast-1.byteplusapi.com"));
  }
}
