package io.albqps.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The AutoScaling actions: exact queries, paging, id matching and the [min, max] guard. */
class AutoScalingApiTest {
  @RegisterExtension static WireMockExtension server = CloudTestSupport.loopbackWireMock();

  static final String GROUP = "scg-abc123";
  static final ScalingGroup SNAPSHOT = new ScalingGroup(GROUP, "gpu", "Active", 1, 10, 3, 3);

  AutoScalingApi api;

  @BeforeEach
  void setUp() {
    VirtualClock clock = new VirtualClock(NOW);
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, new Fakes.RecordingSleeper(clock)).build();
    api = AutoScalingApi.create(client, AutoScalingApi.endpoint(CloudTestSupport.baseUri(server)));
  }

  void answer(String action, String resultJson) {
    server.stubFor(
        get(urlPathEqualTo("/"))
            .withQueryParam("Action", equalTo(action))
            .willReturn(okJson(envelope(action, resultJson))));
  }

  LoggedRequest onlyRequest() {
    List<LoggedRequest> sent = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(1);
    SignatureCheck.verify(sent.get(0), SK);
    return sent.get(0);
  }

  static String group(String id) {
    return "{\"ScalingGroupId\":\""
        + id
        + "\",\"ScalingGroupName\":\"gpu\",\"LifecycleState\":\"Active\",\"MinInstanceNumber\":1,"
        + "\"MaxInstanceNumber\":10,\"DesireInstanceNumber\":3,\"TotalInstanceCount\":4,"
        + "\"DefaultCooldown\":300,\"ServerGroupAttributes\":[]}";
  }

  @Test
  void describesTheGroupById() throws Exception {
    answer("DescribeScalingGroups", "{\"ScalingGroups\":[" + group(GROUP) + "],\"TotalCount\":1}");

    ScalingGroup found = api.describeGroup(GROUP);

    assertThat(found).isEqualTo(new ScalingGroup(GROUP, "gpu", "Active", 1, 10, 3, 4));
    LoggedRequest sent = onlyRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl())
        .isEqualTo(
            "/?Action=DescribeScalingGroups&ScalingGroupIds.1=scg-abc123&Version=2020-01-01");
    assertThat(SignatureCheck.verify(sent, SK).service()).isEqualTo("auto_scaling");
  }

  @Test
  void picksTheRequestedGroupAmongOthers() throws Exception {
    answer(
        "DescribeScalingGroups",
        "{\"ScalingGroups\":[" + group("scg-other") + "," + group(GROUP) + "]}");

    assertThat(api.describeGroup(GROUP).scalingGroupId()).isEqualTo(GROUP);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notFoundAnswers")
  void reportsAMissingGroupClearly(String description, String resultJson) {
    answer("DescribeScalingGroups", resultJson);

    ApiException e = catchThrowableOfType(ApiException.class, () -> api.describeGroup(GROUP));

    assertThat(e.errorCode()).contains("ScalingGroupNotFound");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("scaling group scg-abc123 not found");
  }

  static Stream<Arguments> notFoundAnswers() {
    return Stream.of(
        Arguments.of("no groups returned", "{\"ScalingGroups\":[],\"TotalCount\":0}"),
        Arguments.of(
            "another group returned for an unknown id",
            "{\"ScalingGroups\":[" + group("scg-other") + "],\"TotalCount\":1}"));
  }

  @Test
  void readsAMissingDesireInstanceNumberAsDisabled() throws Exception {
    answer(
        "DescribeScalingGroups",
        "{\"ScalingGroups\":[{\"ScalingGroupId\":\"scg-abc123\",\"LifecycleState\":\"Active\","
            + "\"MinInstanceNumber\":0,\"MaxInstanceNumber\":4,\"TotalInstanceCount\":0}]}");

    assertThat(api.describeGroup(GROUP).desireInstanceNumber()).isEqualTo(-1);
  }

  @Test
  void aGroupWithoutLifecycleStateIsMalformed() {
    answer(
        "DescribeScalingGroups",
        "{\"ScalingGroups\":[{\"ScalingGroupId\":\"scg-abc123\",\"MinInstanceNumber\":0,"
            + "\"MaxInstanceNumber\":4,\"DesireInstanceNumber\":1,\"TotalInstanceCount\":0}]}");

    assertThatThrownBy(() -> api.describeGroup(GROUP))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("LifecycleState is missing");
  }

  static String instances(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                "{\"InstanceId\":\"i-"
                    + i
                    + "\",\"Status\":\""
                    + (i % 2 == 0 ? "InService" : "Pending")
                    + "\",\"CreatedTime\":\"2024-06-19T07:0"
                    + (i % 10)
                    + ":00Z\",\"ZoneId\":\"ap-southeast-1a\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  void answerInstancePage(int page, String resultJson) {
    server.stubFor(
        get(urlPathEqualTo("/"))
            .withQueryParam("Action", equalTo("DescribeScalingInstances"))
            .withQueryParam("PageNumber", equalTo(String.valueOf(page)))
            .willReturn(okJson(envelope("DescribeScalingInstances", resultJson))));
  }

  @Test
  void readsEveryPageOfInstances() throws Exception {
    answerInstancePage(1, "{\"ScalingInstances\":" + instances(0, 50) + ",\"TotalCount\":120}");
    answerInstancePage(2, "{\"ScalingInstances\":" + instances(50, 50) + ",\"TotalCount\":120}");
    answerInstancePage(3, "{\"ScalingInstances\":" + instances(100, 20) + ",\"TotalCount\":120}");

    List<ScalingInstance> all = api.listInstances(GROUP);

    assertThat(all).hasSize(120);
    assertThat(all.get(119).instanceId()).isEqualTo("i-119");
    List<LoggedRequest> sent = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent)
        .extracting(LoggedRequest::getUrl)
        .containsExactly(
            "/?Action=DescribeScalingInstances&PageNumber=1&PageSize=50&ScalingGroupId=scg-abc123"
                + "&Version=2020-01-01",
            "/?Action=DescribeScalingInstances&PageNumber=2&PageSize=50&ScalingGroupId=scg-abc123"
                + "&Version=2020-01-01",
            "/?Action=DescribeScalingInstances&PageNumber=3&PageSize=50&ScalingGroupId=scg-abc123"
                + "&Version=2020-01-01");
    sent.forEach(r -> SignatureCheck.verify(r, SK));
  }

  @Test
  void parsesStatusAndCreatedTimeOfEachInstance() throws Exception {
    answerInstancePage(
        1,
        "{\"ScalingInstances\":[{\"InstanceId\":\"i-1\",\"Status\":\"InService\","
            + "\"CreatedTime\":\"2024-06-19T07:05:30Z\"},{\"InstanceId\":\"i-2\","
            + "\"Status\":\"Pending\",\"CreatedTime\":\"2024-06-19T07:12Z\"}],\"TotalCount\":2}");

    assertThat(api.listInstances(GROUP))
        .containsExactly(
            new ScalingInstance("i-1", "InService", Instant.parse("2024-06-19T07:05:30Z")),
            new ScalingInstance("i-2", "Pending", Instant.parse("2024-06-19T07:12:00Z")));
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void stopsPagingWhenAPageComesBackShort() throws Exception {
    answerInstancePage(1, "{\"ScalingInstances\":" + instances(0, 3) + ",\"TotalCount\":60}");

    assertThat(api.listInstances(GROUP)).hasSize(3);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void anUnparseableCreatedTimeIsMalformed() {
    answerInstancePage(
        1,
        "{\"ScalingInstances\":[{\"InstanceId\":\"i-1\",\"Status\":\"InService\","
            + "\"CreatedTime\":\"yesterday\"}],\"TotalCount\":1}");

    assertThatThrownBy(() -> api.listInstances(GROUP))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("CreatedTime is not an ISO-8601 time: yesterday");
  }

  static String activity(String id, String status, String createdAt) {
    return "{\"ScalingActivityId\":\""
        + id
        + "\",\"ScalingGroupId\":\"scg-abc123\",\"StatusCode\":\""
        + status
        + "\",\"CreatedAt\":\""
        + createdAt
        + "\",\"ActivityType\":\"Manual\"}";
  }

  @ParameterizedTest(name = "{0} -> in progress = {2}")
  @MethodSource("activityPages")
  void judgesActivityInProgressFromAnyEntryWhateverTheOrder(
      String description, String activitiesJson, boolean inProgress) throws Exception {
    answer("DescribeScalingActivities", "{\"ScalingActivities\":" + activitiesJson + "}");

    assertThat(api.activityInProgress(GROUP)).isEqualTo(inProgress);
  }

  static Stream<Arguments> activityPages() {
    String oldDone = activity("sa-1", "Success", "2024-06-19T06:00:00Z");
    String newDone = activity("sa-3", "Success", "2024-06-19T07:10:00Z");
    String running = activity("sa-2", "Running", "2024-06-19T07:00:00Z");
    String init = activity("sa-4", "Init", "2024-06-19T07:12:00Z");
    return Stream.of(
        Arguments.of("no activities", "[]", false),
        Arguments.of("all finished", "[" + newDone + "," + oldDone + "]", false),
        Arguments.of(
            "a running one behind a newer finished one", "[" + newDone + "," + running + "]", true),
        Arguments.of("a running one listed last", "[" + oldDone + "," + running + "]", true),
        Arguments.of("an Init one", "[" + init + "]", true),
        Arguments.of(
            "failed and rejected ones only",
            "["
                + activity("sa-5", "Error", "2024-06-19T07:00:00Z")
                + ","
                + activity("sa-6", "Rejected", "2024-06-19T07:01:00Z")
                + "]",
            false));
  }

  @Test
  void asksForOnePageOfFiftyActivities() throws Exception {
    answer("DescribeScalingActivities", "{\"ScalingActivities\":[]}");

    api.activityInProgress(GROUP);

    assertThat(onlyRequest().getUrl())
        .isEqualTo(
            "/?Action=DescribeScalingActivities&PageNumber=1&PageSize=50&ScalingGroupId=scg-abc123"
                + "&Version=2020-01-01");
  }

  @Test
  void setsTheDesiredCapacity() throws Exception {
    answer("ModifyScalingGroup", "{\"ScalingGroupId\":\"scg-abc123\"}");

    api.setDesiredCapacity(SNAPSHOT, 7);

    assertThat(onlyRequest().getUrl())
        .isEqualTo(
            "/?Action=ModifyScalingGroup&DesireInstanceNumber=7&ScalingGroupId=scg-abc123"
                + "&Version=2020-01-01");
  }

  @ParameterizedTest(name = "desired {0} in [1, 10] is refused")
  @MethodSource("outOfRange")
  void refusesADesiredCapacityOutsideMinMaxBeforeAnyCall(int desired) {
    assertThatThrownBy(() -> api.setDesiredCapacity(SNAPSHOT, desired))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("desired capacity " + desired + " is outside [1, 10]");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  static Stream<Integer> outOfRange() {
    return Stream.of(0, -1, 11, Integer.MAX_VALUE);
  }

  @Test
  void refusesAGroupIdWithoutItsPrefixBeforeAnyCall() {
    assertThatThrownBy(() -> api.describeGroup("abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scg-");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void derivesTheRegionalEndpoint() {
    assertThat(AutoScalingApi.endpoint("ap-southeast-1").uri())
        .isEqualTo(URI.create("https://auto-scaling.ap-southeast-1.byteplusapi.com"));
  }
}
