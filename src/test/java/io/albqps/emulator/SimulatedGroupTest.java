package io.albqps.emulator;

import static io.albqps.emulator.TestCalls.KEYS;
import static io.albqps.emulator.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.albqps.cloud.ScalingInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The group's life without HTTP: boot, removal, activities, lock, bounds. */
class SimulatedGroupTest {
  private static final Duration BOOT = Duration.ofMinutes(3);

  private static SimulatedGroup group(int min, int max, int initial) {
    return new SimulatedGroup(config(min, max, initial).build(), T0);
  }

  private static EmulatorConfig.Builder config(int min, int max, int initial) {
    return EmulatorConfig.builder()
        .credentials(KEYS)
        .capacity(min, max, initial)
        .bootTime(BOOT)
        .removalTime(Duration.ofSeconds(30));
  }

  private static List<String> statuses(SimulatedGroup group) {
    return group.instances().stream().map(ScalingInstance::status).toList();
  }

  @Test
  void startsWithTheInitialInstancesInService() {
    SimulatedGroup group = group(1, 10, 2);

    assertThat(statuses(group)).containsExactly("InService", "InService");
    assertThat(group.lifecycleState()).isEqualTo("Active");
    assertThat(group.desired()).isEqualTo(2);
  }

  @Test
  void launchedInstancesArePendingUntilTheBootTimeHasPassed() throws Exception {
    SimulatedGroup group = group(1, 10, 1);
    group.modify(3, null, null);

    group.advanceTo(T0.plus(BOOT).minusSeconds(1));
    assertThat(statuses(group)).containsExactly("InService", "Pending", "Pending");

    group.advanceTo(T0.plus(BOOT));
    assertThat(statuses(group)).containsExactly("InService", "InService", "InService");
  }

  @Test
  void isLockedWhileAnActivityRunsAndActiveOnceItSucceeds() throws Exception {
    SimulatedGroup group = group(1, 10, 1);
    group.modify(2, null, null);

    assertThat(group.lifecycleState()).isEqualTo("Locked");
    assertThat(group.activities())
        .singleElement()
        .extracting(GroupActivity::statusCode)
        .isEqualTo("Running");

    group.advanceTo(T0.plus(BOOT));
    assertThat(group.lifecycleState()).isEqualTo("Active");
    GroupActivity done = group.activities().get(0);
    assertThat(done.statusCode()).isEqualTo("Success");
    assertThat(done.stoppedAt()).contains(T0.plus(BOOT));
  }

  @Test
  void scaleInRemovesTheNewestInstancesFirst() throws Exception {
    SimulatedGroup group = group(1, 10, 2);
    group.modify(4, null, null);
    group.advanceTo(T0.plus(BOOT));
    List<String> before = group.instances().stream().map(ScalingInstance::instanceId).toList();

    group.modify(2, null, null);

    assertThat(group.instances())
        .filteredOn(i -> "Removing".equals(i.status()))
        .extracting(ScalingInstance::instanceId)
        .containsExactlyInAnyOrderElementsOf(before.subList(2, 4));
    group.advanceTo(T0.plus(BOOT).plusSeconds(30));
    assertThat(group.instances())
        .extracting(ScalingInstance::instanceId)
        .containsExactlyElementsOf(before.subList(0, 2));
    assertThat(group.lifecycleState()).isEqualTo("Active");
  }

  @Test
  void removingABootingInstanceEndsTheActivityThatLaunchedIt() throws Exception {
    SimulatedGroup group = group(1, 10, 1);
    group.modify(2, null, null);
    group.advanceTo(T0.plusSeconds(10));

    group.modify(1, null, null);

    group.advanceTo(T0.plusSeconds(40));
    assertThat(group.activities()).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo("Success"));
    assertThat(group.totalInstanceCount()).isEqualTo(1);
  }

  @Test
  void refusesADesiredCapacityOutsideMinAndMaxAndChangesNothing() {
    SimulatedGroup group = group(1, 4, 2);

    assertThatThrownBy(() -> group.modify(5, null, null))
        .isInstanceOfSatisfying(
            ErrorReply.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("InvalidParameter");
              assertThat(e.getMessage()).contains("DesireInstanceNumber", "[1, 4]");
            });
    assertThatThrownBy(() -> group.modify(0, null, null)).isInstanceOf(ErrorReply.class);
    assertThat(group.desired()).isEqualTo(2);
    assertThat(group.modifyLog()).isEmpty();
    assertThat(group.activities()).isEmpty();
  }

  @Test
  void logsEveryAcceptedModifyWithTimeAndBeforeAndAfter() throws Exception {
    SimulatedGroup group = group(1, 10, 1);
    group.modify(3, null, null);
    group.advanceTo(T0.plusSeconds(60));
    group.modify(3, null, null);

    assertThat(group.modifyLog())
        .containsExactly(new ModifyRecord(T0, 1, 3), new ModifyRecord(T0.plusSeconds(60), 3, 3));
    assertThat(group.activities()).hasSize(1);
  }

  @Test
  void bootSpreadIsDeterministicForASeedAndWithinItsBound() throws Exception {
    Duration spread = Duration.ofSeconds(60);
    List<Instant> first = readyTimes(config(0, 20, 0).bootSpread(spread).seed(7).build());
    List<Instant> again = readyTimes(config(0, 20, 0).bootSpread(spread).seed(7).build());

    assertThat(first).isEqualTo(again);
    assertThat(first)
        .allSatisfy(t -> assertThat(t).isBetween(T0.plus(BOOT), T0.plus(BOOT).plus(spread)));
    assertThat(first.stream().distinct().count()).isGreaterThan(1);
  }

  /** When each of 10 launched instances became InService, found by stepping second by second. */
  private static List<Instant> readyTimes(EmulatorConfig config) throws Exception {
    SimulatedGroup group = new SimulatedGroup(config, T0);
    group.modify(10, null, null);
    Instant[] ready = new Instant[10];
    for (Instant t = T0; t.isBefore(T0.plus(BOOT).plusSeconds(61)); t = t.plusSeconds(1)) {
      group.advanceTo(t);
      List<ScalingInstance> instances = group.instances();
      for (int i = 0; i < instances.size(); i++) {
        if (ready[i] == null && "InService".equals(instances.get(i).status())) {
          ready[i] = t;
        }
      }
    }
    return List.of(ready);
  }

  @Test
  void neverMovesBackInTime() {
    SimulatedGroup group = group(1, 10, 1);
    group.advanceTo(T0.plusSeconds(100));

    group.advanceTo(T0);

    assertThat(group.now()).isEqualTo(T0.plusSeconds(100));
  }
}
