package io.albqps.emulator;

import static io.albqps.emulator.TestCalls.KEYS;
import static io.albqps.emulator.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.albqps.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AutoScaling actions over HTTP, with the real field names, on a virtual clock. */
class AutoScalingApiTest {
  private static final Duration BOOT = Duration.ofMinutes(3);

  private VirtualClock clock;
  private Emulator emulator;

  @BeforeEach
  void start() throws Exception {
    clock = new VirtualClock(T0);
    EmulatorConfig config =
        EmulatorConfig.builder()
            .credentials(KEYS)
            .scalingGroupId("scg-gpu")
            .capacity(1, 30, 2)
            .bootTime(BOOT)
            .build();
    emulator = Emulator.start(config, clock);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private TestCalls.Reply call(String action, Map<String, String> params) throws Exception {
    return TestCalls.autoScaling(action, params)
        .signedAt(clock.instant())
        .sendTo(emulator.endpoint());
  }

  private JsonNode group() throws Exception {
    return call("DescribeScalingGroups", Map.of("ScalingGroupIds.1", "scg-gpu"))
        .result()
        .at("/ScalingGroups/0");
  }

  private TestCalls.Reply modify(int desired) throws Exception {
    return call(
        "ModifyScalingGroup",
        Map.of("ScalingGroupId", "scg-gpu", "DesireInstanceNumber", Integer.toString(desired)));
  }

  @Test
  void describesTheGroupWithItsApiFieldNames() throws Exception {
    JsonNode group = group();

    assertThat(group.path("ScalingGroupId").asText()).isEqualTo("scg-gpu");
    assertThat(group.path("LifecycleState").asText()).isEqualTo("Active");
    assertThat(group.path("MinInstanceNumber").asInt()).isEqualTo(1);
    assertThat(group.path("MaxInstanceNumber").asInt()).isEqualTo(30);
    assertThat(group.path("DesireInstanceNumber").asInt()).isEqualTo(2);
    assertThat(group.path("TotalInstanceCount").asInt()).isEqualTo(2);
  }

  @Test
  void returnsAnotherGroupWhenTheIdIsUnknown() throws Exception {
    JsonNode result =
        call("DescribeScalingGroups", Map.of("ScalingGroupIds.1", "scg-missing")).result();

    assertThat(result.path("ScalingGroups")).hasSize(1);
    assertThat(result.at("/ScalingGroups/0/ScalingGroupId").asText()).isEqualTo("scg-gpu");
  }

  @Test
  void modifySetsTheDesiredCapacityAndLocksTheGroupUntilTheInstancesBoot() throws Exception {
    TestCalls.Reply reply = modify(5);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().path("ScalingGroupId").asText()).isEqualTo("scg-gpu");
    assertThat(group().path("DesireInstanceNumber").asInt()).isEqualTo(5);
    assertThat(group().path("LifecycleState").asText()).isEqualTo("Locked");

    clock.advance(BOOT);
    assertThat(group().path("LifecycleState").asText()).isEqualTo("Active");
    assertThat(emulator.modifyLog()).containsExactly(new ModifyRecord(T0, 2, 5));
  }

  @Test
  void instancesGoFromPendingToInServiceAfterTheBootTime() throws Exception {
    modify(3);
    Map<String, String> query = Map.of("ScalingGroupId", "scg-gpu", "Status", "InService");

    assertThat(call("DescribeScalingInstances", query).result().path("TotalCount").asInt())
        .isEqualTo(2);
    clock.advance(BOOT);
    assertThat(call("DescribeScalingInstances", query).result().path("TotalCount").asInt())
        .isEqualTo(3);
  }

  @Test
  void refusesADesiredCapacityAboveMaxWithInvalidParameter() throws Exception {
    TestCalls.Reply reply = modify(31);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("InvalidParameter");
    assertThat(reply.json().at("/ResponseMetadata/Error/Message").asText())
        .contains("DesireInstanceNumber", "[1, 30]");
    assertThat(emulator.modifyLog()).isEmpty();
    assertThat(group().path("DesireInstanceNumber").asInt()).isEqualTo(2);
  }

  @Test
  void refusesANonNumericDesiredCapacity() throws Exception {
    TestCalls.Reply reply =
        call(
            "ModifyScalingGroup",
            Map.of("ScalingGroupId", "scg-gpu", "DesireInstanceNumber", "three"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("InvalidParameter");
  }

  @Test
  void modifyOfAnUnknownGroupIsNotFound() throws Exception {
    TestCalls.Reply reply =
        call(
            "ModifyScalingGroup",
            Map.of("ScalingGroupId", "scg-missing", "DesireInstanceNumber", "3"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("InvalidScalingGroupId.NotFound");
  }

  @Test
  void pagesInstancesWithTotalCount() throws Exception {
    modify(25);
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      JsonNode result =
          call(
                  "DescribeScalingInstances",
                  Map.of(
                      "ScalingGroupId", "scg-gpu",
                      "PageNumber", Integer.toString(page),
                      "PageSize", "10"))
              .result();
      assertThat(result.path("TotalCount").asInt()).isEqualTo(25);
      result.path("ScalingInstances").forEach(i -> ids.add(i.path("InstanceId").asText()));
    }

    assertThat(ids).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void instancesCarryTheirCreatedTime() throws Exception {
    clock.advance(Duration.ofSeconds(42));
    modify(3);

    JsonNode instances =
        call("DescribeScalingInstances", Map.of("ScalingGroupId", "scg-gpu", "Status", "Pending"))
            .result()
            .path("ScalingInstances");

    assertThat(instances.at("/0/CreatedTime").asText()).isEqualTo("2024-06-19T07:00:42Z");
  }

  @Test
  void listsActivitiesNewestFirstWithStatusAndTimes() throws Exception {
    modify(3);
    clock.advance(BOOT);
    modify(2);

    JsonNode activities =
        call("DescribeScalingActivities", Map.of("ScalingGroupId", "scg-gpu"))
            .result()
            .path("ScalingActivities");

    assertThat(activities).hasSize(2);
    assertThat(activities.at("/0/StatusCode").asText()).isEqualTo("Running");
    assertThat(activities.at("/0/StoppedAt").asText()).isEmpty();
    assertThat(activities.at("/1/StatusCode").asText()).isEqualTo("Success");
    assertThat(activities.at("/1/CreatedAt").asText()).isEqualTo("2024-06-19T07:00:00Z");
    assertThat(activities.at("/1/StoppedAt").asText()).isEqualTo("2024-06-19T07:03:00Z");
    assertThat(activities.at("/0/ScalingActivityId").asText()).startsWith("sga-");
  }

  @Test
  void filtersActivitiesByStatusCode() throws Exception {
    modify(3);
    clock.advance(BOOT);
    modify(4);

    JsonNode result =
        call(
                "DescribeScalingActivities",
                Map.of("ScalingGroupId", "scg-gpu", "StatusCode", "Running", "PageSize", "1"))
            .result();

    assertThat(result.path("TotalCount").asInt()).isEqualTo(1);
  }

  @Test
  void refusesAPageSizeOutOfRange() throws Exception {
    TestCalls.Reply reply =
        call("DescribeScalingActivities", Map.of("ScalingGroupId", "scg-gpu", "PageSize", "51"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("InvalidParameter");
  }
}
