package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.cloud.ScalingInstance;
import io.albqps.engine.Policy;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument;
import io.albqps.state.StateStoreException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingHandlerTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Instant now() {
    return f.clock.instant();
  }

  @Test
  void scalesUpInOneStepAndRecordsTheCooldown() {
    f.cloud.qps(now(), 240, 250, 260, 250, 250);

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.result().action()).isEqualTo("scale_up");
    assertThat(f.cloud.modifications).containsExactly(5);
    StateDocument saved = f.store.current();
    assertThat(saved.scaler().lastScaleUp()).contains(now());
    assertThat(saved.scaler().lastGeneralAction()).contains(now());
    assertThat(saved.statistics().totalScaleUps()).isEqualTo(1);
    assertThat(saved.scalingHistory())
        .singleElement()
        .satisfies(h -> assertThat(h.toDesired()).isEqualTo(5));
  }

  @Test
  void issuesTheReadsConcurrently() {
    f.cloud.qps(now(), 100);
    f.cloud.readBarrier = new CyclicBarrier(3);

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void startsTheReadsBeforeReadingTheStateFile() {
    f.cloud.qps(now(), 100);
    CyclicBarrier readsAndLoad = new CyclicBarrier(4);
    f.cloud.readBarrier = readsAndLoad;
    // The load waits until all three reads are in flight; read one after the other, it would
    // wait for ever (10 s) and the barrier would break.
    f.store.beforeNextLoad = () -> awaitQuietly(readsAndLoad);

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(readsAndLoad.isBroken()).isFalse();
  }

  @Test
  void aStateFileThatCannotBeReadFailsTheEvaluationWithoutActingOnTheReads() {
    f.cloud.qps(now(), 1_000);
    f.store.failNextLoad =
        new StateStoreException("cannot read /state/scaling_state.json", new IOException("EIO"));

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.result().message()).contains("/state/scaling_state.json");
    assertThat(f.cloud.modifications).isEmpty();
    assertThat(f.store.saves).isEmpty();
  }

  private static void awaitQuietly(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the reads were not in flight during the load", e);
    }
  }

  @Test
  void makesAtMostFourReadsAndOneWritePerEvaluation() {
    f.config =
        new HandlerConfig(
            "scg-test",
            "alb-test",
            Policy.builder().instanceWarmup(Duration.ofSeconds(120)).build(),
            Duration.ofSeconds(300),
            false,
            Duration.ZERO,
            3,
            List.of());
    f.cloud.qps(now(), 300, 300, 300, 300, 300);
    f.cloud.instances =
        List.of(
            new ScalingInstance("i-1", "InService", now().minusSeconds(3600)),
            new ScalingInstance("i-2", "InService", now().minusSeconds(3600)));

    f.invoke(Event.evaluation(false));

    assertThat(f.cloud.count(CloudReads.GET_METRIC_DATA)).isEqualTo(1);
    assertThat(f.cloud.count(CloudReads.DESCRIBE_SCALING_GROUPS)).isEqualTo(1);
    assertThat(f.cloud.count(CloudReads.DESCRIBE_SCALING_ACTIVITIES)).isEqualTo(1);
    assertThat(f.cloud.count(CloudReads.DESCRIBE_SCALING_INSTANCES)).isEqualTo(1);
    assertThat(f.cloud.count("ModifyScalingGroup")).isEqualTo(1);
    assertThat(f.cloud.totalCalls()).isEqualTo(5);
  }

  @Test
  void skipsTheInstanceListingWhenThePolicyNeedsNeitherWarmupNorPanic() {
    f.cloud.qps(now(), 100);

    f.invoke(Event.evaluation(false));

    assertThat(f.cloud.count(CloudReads.DESCRIBE_SCALING_INSTANCES)).isZero();
    assertThat(f.cloud.totalCalls()).isEqualTo(3);
  }

  @Test
  void dryRunIssuesNoModifyAndWritesOnlyCacheAndTotals() {
    f.config(f.config.withDryRun(true));
    f.cloud.qps(now(), 250);
    ScalerState before = f.store.current().scaler();

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.result().action()).isEqualTo("scale_up");
    assertThat(response.result().details()).containsEntry("dry_run", true);
    assertThat(f.cloud.modifications).isEmpty();
    StateDocument saved = f.store.current();
    assertThat(saved.scaler()).isEqualTo(before);
    assertThat(saved.scalingHistory()).isEmpty();
    assertThat(saved.metricsCache().lastQpsValue()).hasValue(250.0);
    assertThat(saved.statistics().totalExecutions()).isEqualTo(1);
    assertThat(saved.statistics().totalScaleUps()).isZero();
  }

  @Test
  void dryRunFieldOfTheEventOverridesTheSetting() {
    f.cloud.qps(now(), 250);

    Response response = f.invoke(Event.evaluation(true));

    assertThat(response.result().details()).containsEntry("dry_run", true);
    assertThat(f.cloud.modifications).isEmpty();
    assertThat(f.store.current().scaler().lastScaleUp()).isEmpty();
  }

  static Stream<Arguments> failingCalls() {
    return Stream.of(
        Arguments.of(CloudReads.GET_METRIC_DATA, 429, "FlowLimitExceeded"),
        Arguments.of(CloudReads.DESCRIBE_SCALING_GROUPS, 500, "InternalError"),
        Arguments.of(CloudReads.DESCRIBE_SCALING_ACTIVITIES, 503, "ServiceUnavailableTemp"),
        Arguments.of("ModifyScalingGroup", 401, "SignatureDoesNotMatch"));
  }

  @ParameterizedTest(name = "{0} fails with {1} {2}")
  @MethodSource("failingCalls")
  void aFailingCallGivesA500NamingTheCallAndLeavesCooldownsIntact(
      String call, int status, String code) {
    f.cloud.qps(now(), 250).failing(call, status, code);
    ScalerState before = f.store.current().scaler();

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.result().status()).isEqualTo("error");
    assertThat(response.result().message()).contains(call).contains(code).contains("req-" + code);
    assertThat(f.cloud.modifications).isEmpty();
    StateDocument saved = f.store.current();
    assertThat(saved.scaler().lastScaleUp()).isEqualTo(before.lastScaleUp());
    assertThat(saved.scaler().lastGeneralAction()).isEqualTo(before.lastGeneralAction());
    assertThat(saved.errorTracking().consecutiveErrors()).isEqualTo(1);
    assertThat(saved.statistics().totalErrors()).isEqualTo(1);
  }

  @Test
  void reDecidesOnTheFreshStateWhenAnotherCopyWroteBeforeActing() {
    f.cloud.qps(now(), 250);
    Instant otherAction = now().minusSeconds(10);
    // load 1 is the evaluation's read, load 2 the re-read just before acting.
    f.store.writesBeforeLoad.put(
        2,
        d ->
            withScaler(
                d, ScalerState.INITIAL.afterAction(io.albqps.engine.Action.SCALE_UP, otherAction)));

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.result().action()).isEqualTo("none");
    assertThat(response.result().message()).isEqualTo("cooldown_general");
    assertThat(response.result().details()).containsEntry("re_decided", true);
    assertThat(f.cloud.modifications).isEmpty();
    assertThat(f.store.current().scaler().lastScaleUp()).contains(otherAction);
  }

  @Test
  void holdsWithStateConflictWhenTheStateMovesAgainAfterReDeciding() {
    f.cloud.qps(now(), 250);
    f.store.writesBeforeLoad.put(2, d -> d);
    f.store.writesBeforeLoad.put(3, d -> d);

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.result().action()).isEqualTo("none");
    assertThat(response.result().message()).isEqualTo("state_conflict");
    assertThat(f.cloud.modifications).isEmpty();
  }

  @Test
  void keepsBothCooldownRecordsWhenAnotherCopyWritesBetweenActingAndSaving() {
    f.cloud.qps(now(), 250);
    Instant otherScaleDown = now().minusSeconds(3600);
    f.store.beforeNextSave =
        () ->
            f.store.writeByOtherCopy(
                d ->
                    withScaler(
                        d,
                        ScalerState.INITIAL.afterAction(
                            io.albqps.engine.Action.SCALE_DOWN, otherScaleDown)));

    Response response = f.invoke(Event.evaluation(false));

    assertThat(response.result().action()).isEqualTo("scale_up");
    StateDocument saved = f.store.current();
    assertThat(saved.scaler().lastScaleUp()).contains(now());
    assertThat(saved.scaler().lastScaleDown()).contains(otherScaleDown);
    assertThat(saved.revision()).isEqualTo(2);
  }

  @Test
  void sleepsTheInitialDelayOnTimerEventsOnly() {
    f.config(f.config.withInitialDelay(Duration.ofSeconds(15)));
    f.cloud.qps(now(), 100);

    f.invoke(Event.evaluation(false));
    assertThat(f.sleeps).isEmpty();

    Response timer = f.invoke(Event.timer());
    assertThat(f.sleeps).containsExactly(Duration.ofSeconds(15));
    assertThat(timer.timestamp()).isEqualTo(Fixture.START.plusSeconds(15));
  }

  @Test
  void alertsOnEveryAction() {
    f.cloud.qps(now(), 250);

    f.invoke(Event.evaluation(false));

    assertThat(f.alerts.sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo("scale_up");
              assertThat(a.executionId()).isEqualTo("req-12345");
              assertThat(a.details()).containsEntry("new_desired", 5);
            });
  }

  @Test
  void alertsWhenErrorsRepeatTheConfiguredNumberOfTimes() {
    f.cloud.qps(now(), 250).failing(CloudReads.GET_METRIC_DATA, 503, "ServiceUnavailableTemp");

    f.invoke(Event.evaluation(false));
    f.invoke(Event.evaluation(false));
    assertThat(f.alerts.sent).isEmpty();
    f.invoke(Event.evaluation(false));

    assertThat(f.alerts.sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.status()).isEqualTo("error");
              assertThat(a.details()).containsEntry("consecutive_errors", 3);
            });
  }

  @Test
  void aSuccessfulEvaluationEndsTheErrorStreak() {
    f.cloud.qps(now(), 100).failing(CloudReads.GET_METRIC_DATA, 503, "ServiceUnavailableTemp");
    f.invoke(Event.evaluation(false));
    f.cloud.failures.clear();

    f.invoke(Event.evaluation(false));

    assertThat(f.store.current().errorTracking().consecutiveErrors()).isZero();
    assertThat(f.store.current().errorTracking().lastError()).isPresent();
  }

  @Test
  void alertsWhenTheStateFileWasCorruptAndRecovered() {
    f.cloud.qps(now(), 100);
    f.store.corruptOnNextLoad();

    f.invoke(Event.evaluation(false));

    assertThat(f.alerts.sent).anySatisfy(a -> assertThat(a.action()).isEqualTo("state_recovered"));
  }

  @Test
  void failsWithAConfigErrorWhenNoCredentialsAreAvailable() {
    ScalingHandler handler =
        new ScalingHandler(
            f.config,
            new SimpleAutoscaler(f.config.policy()),
            (role, deadline) -> {
              throw io.albqps.config.ConfigException.single(
                  "ACCESS_KEY_ID", "(unset)", "a key, or a role bound to the function");
            },
            f.store,
            f.alerts,
            f.clock,
            d -> {});
    try (handler) {
      Response response = handler.handleRequest(Event.evaluation(false), f.context("req-1"));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.result().message()).contains("ACCESS_KEY_ID");
      assertThat(f.store.current().errorTracking().consecutiveErrors())
          .as("counted in the state, which was read before the failure surfaced")
          .isEqualTo(1);
    }
  }

  @Test
  void statusReportsGroupQpsAndCooldownsWithoutWriting() {
    f.cloud.qps(now(), 100, 100);
    f.store.writeByOtherCopy(
        d ->
            withScaler(
                d,
                ScalerState.INITIAL.afterAction(
                    io.albqps.engine.Action.SCALE_UP, now().minusSeconds(100))));

    Response response = f.invoke(Event.status());

    assertThat(response.result().action()).isEqualTo("status");
    assertThat(response.result().details()).containsEntry("current_qps", 100.0);
    assertThat(f.store.saves).isEmpty();
    @SuppressWarnings("unchecked")
    var cooldowns =
        (java.util.Map<String, java.util.Map<String, Object>>)
            response.result().details().get("cooldowns");
    assertThat(cooldowns.get("general")).containsEntry("remaining_seconds", 80L);
    assertThat(cooldowns.get("scale_up")).containsEntry("remaining_seconds", 200L);
  }

  @Test
  void validationReportsEveryCheck() {
    f.cloud.failing(CloudReads.GET_METRIC_DATA, 403, "AccessDenied");

    Response response = f.invoke(Event.validation());

    assertThat(response.result().action()).isEqualTo("validation");
    assertThat(response.result().status()).isEqualTo("error");
    @SuppressWarnings("unchecked")
    var checks = (List<java.util.Map<String, Object>>) response.result().details().get("checks");
    assertThat(checks)
        .extracting(c -> c.get("name"))
        .containsExactly("settings", "scaling_group", "alb_qps_metric", "state_file");
    assertThat(checks.get(2)).containsEntry("status", "error");
    assertThat(f.store.saves).isEmpty();
  }

  static StateDocument withScaler(StateDocument d, ScalerState scaler) {
    return new StateDocument(
        d.revision(),
        d.createdAt(),
        d.lastUpdated(),
        d.updatedBy(),
        scaler,
        d.metricsCache(),
        d.errorTracking(),
        d.statistics(),
        d.scalingHistory());
  }
}
