package io.albqps.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.emulator.Fault;
import io.albqps.emulator.ModifyRecord;
import io.albqps.function.Alert;
import io.albqps.function.Response;
import io.albqps.reliability.FaultCell.Direction;
import io.albqps.reliability.FaultCell.Outcome;
import io.albqps.reliability.FaultCell.Persistence;
import io.albqps.reliability.Rig.BadSigning;
import io.albqps.state.StateDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9 §1: every call of an evaluation × every fault the emulator injects (plus a rejected
 * signature and a skewed clock) × once or on every call × a load that calls for a scale-up or a
 * scale-down, through the real handler, client, signer and state file. Each cell checks the
 * outcome, the response, the alert and the state file; the table of results is checked against
 * {@code docs/RELIABILITY.md} (rewrite it with {@code -Dreliability.update=true}).
 */
class FaultMatrixTest {
  private static final Map<FaultCell, Boolean> RESULTS = new ConcurrentHashMap<>();

  @TempDir Path dir;

  static List<FaultCell> cells() {
    return FaultCell.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void faultLeadsToTheExpectedOutcomeWithTheStateIntact(FaultCell cell) throws Exception {
    boolean passed = false;
    try {
      run(cell);
      passed = true;
    } finally {
      RESULTS.put(cell, passed);
    }
  }

  @AfterAll
  static void documentedTableMatches() throws Exception {
    if (RESULTS.size() == FaultCell.all().size()) {
      MatrixDoc.check(RESULTS);
    }
  }

  private void run(FaultCell cell) throws Exception {
    Direction direction = cell.direction();
    int times = cell.persistence() == Persistence.ONCE ? 1 : -1;
    BadSigning signing =
        switch (cell.fault()) {
          case SIGNATURE -> BadSigning.WRONG_SECRET;
          case CLOCK_SKEW -> BadSigning.CLOCK_SKEW;
          default -> BadSigning.NONE;
        };
    try (Rig rig =
        new Rig(dir, direction.initialDesired, direction.qps, signing, cell.call(), times)) {
      Optional<Fault> fault = cell.fault().emulatorFault();
      if (fault.isPresent()) {
        if (times == 1) {
          rig.emulator.faults().inject(cell.call(), fault.get(), 1);
        } else {
          rig.emulator.faults().injectAlways(cell.call(), fault.get());
        }
      }
      StateDocument before = rig.state();
      Response response = rig.tick(Duration.ZERO);

      switch (cell.expected()) {
        case RETRY_THEN_ACT, ACT_UP_ONLY -> {
          assertActed(rig, cell, response, before);
          if (cell.expected() == Outcome.RETRY_THEN_ACT) {
            assertThat(rig.emulator.calls(cell.call()))
                .as("the faulty call was retried")
                .isGreaterThanOrEqualTo(2);
          }
        }
        case HOLD_ERROR -> assertHeldOnError(rig, cell, response, before);
        case HOLD_THEN_RECOVER -> {
          assertHeldOnError(rig, cell, response, before);
          rig.alerts.clear();
          StateDocument afterError = rig.state();
          Response next = rig.tick(Duration.ofSeconds(60));
          assertActed(rig, cell, next, afterError);
        }
        case HOLD_NO_DATA -> {
          assertHeld(rig, response, before, "metrics_unavailable", 1);
          assertThat(rig.alerts)
              .singleElement()
              .satisfies(a -> assertThat(a.action()).isEqualTo("metrics_unavailable"));
        }
        case HOLD_PARTIAL -> {
          assertHeld(rig, response, before, "metrics_partial", 0);
          assertThat(rig.alerts).isEmpty();
        }
      }
    }
  }

  private static void assertActed(Rig rig, FaultCell cell, Response response, StateDocument before)
      throws Exception {
    Direction direction = cell.direction();
    String action = direction == Direction.UP ? "scale_up" : "scale_down";
    assertThat(response.statusCode()).as("status of %s", response.result()).isEqualTo(200);
    assertThat(response.result().action()).as("action of %s", response.result()).isEqualTo(action);
    List<ModifyRecord> changes = changes(rig);
    assertThat(changes).as("capacity-changing modify calls").hasSize(1);
    assertThat(changes.get(0).toDesired()).isEqualTo(direction.target);
    assertThat(rig.alerts).extracting(Alert::action).containsExactly(action);

    StateDocument after = rig.state();
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.errorTracking().consecutiveErrors()).isZero();
    Instant moved =
        direction == Direction.UP
            ? after.scaler().lastScaleUp().orElseThrow()
            : after.scaler().lastScaleDown().orElseThrow();
    assertThat(moved).isAfterOrEqualTo(rig.evaluationTime).isBeforeOrEqualTo(rig.clock.instant());
    assertThat(after.scaler().lastGeneralAction()).contains(moved);
    if (direction == Direction.UP) {
      assertThat(after.scaler().lastScaleDown()).isEqualTo(before.scaler().lastScaleDown());
    } else {
      assertThat(after.scaler().lastScaleUp()).isEqualTo(before.scaler().lastScaleUp());
    }
  }

  private static void assertHeldOnError(
      Rig rig, FaultCell cell, Response response, StateDocument before) throws Exception {
    assertThat(response.statusCode()).as("status of %s", response.result()).isEqualTo(500);
    assertThat(response.result().status()).isEqualTo(Response.ERROR);
    assertThat(response.result().message()).contains(cell.call());
    assertThat(response.error())
        .hasValueSatisfying(e -> assertThat(e).containsEntry("call", cell.call()));
    assertThat(changes(rig)).as("no capacity change").isEmpty();
    if (!cell.atWrite()) {
      assertThat(rig.emulator.calls(FaultCell.WRITE)).as("no modify call").isZero();
    }
    assertThat(rig.alerts).hasSize(1);
    assertThat(rig.alerts.get(0).status()).isEqualTo(Response.ERROR);
    assertThat(rig.alerts.get(0).message()).contains(cell.call());

    StateDocument after = rig.state();
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.scaler().lastScaleUp()).isEqualTo(before.scaler().lastScaleUp());
    assertThat(after.scaler().lastScaleDown()).isEqualTo(before.scaler().lastScaleDown());
    assertThat(after.scaler().lastGeneralAction()).isEqualTo(before.scaler().lastGeneralAction());
    assertThat(after.scaler().lastScalingAction()).isEqualTo(before.scaler().lastScalingAction());
    assertThat(after.errorTracking().consecutiveErrors()).isEqualTo(1);
    assertThat(after.statistics().totalErrors()).isEqualTo(before.statistics().totalErrors() + 1);
  }

  private static void assertHeld(
      Rig rig, Response response, StateDocument before, String reason, int streak)
      throws Exception {
    assertThat(response.statusCode()).as("status of %s", response.result()).isEqualTo(200);
    assertThat(response.result().action()).isEqualTo("none");
    assertThat(response.result().message()).isEqualTo(reason);
    assertThat(rig.emulator.calls(FaultCell.WRITE)).as("no modify call").isZero();

    StateDocument after = rig.state();
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.scaler().lastScaleUp()).isEqualTo(before.scaler().lastScaleUp());
    assertThat(after.scaler().lastScaleDown()).isEqualTo(before.scaler().lastScaleDown());
    assertThat(after.scaler().lastGeneralAction()).isEqualTo(before.scaler().lastGeneralAction());
    assertThat(after.errorTracking().consecutiveErrors()).isEqualTo(streak);
    assertThat(after.statistics().totalErrors()).isEqualTo(before.statistics().totalErrors());
  }

  private static List<ModifyRecord> changes(Rig rig) {
    return rig.emulator.modifyLog().stream().filter(ModifyRecord::changesCapacity).toList();
  }
}
