package io.albqps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.emulator.ModifyRecord;
import io.albqps.engine.Policy;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.Response;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four staggered copies (0/15/30/45 s) sharing one state file for an hour of virtual time, through
 * loads that rise and fall several times.
 */
class StaggeredCopiesTest {
  @TempDir Path dir;

  @Test
  void neverActInsideACooldownAndNeverLoseACooldownRecord() throws Exception {
    var load =
        E2e.steps(new int[] {15, 15, 10, 10, 10, 20}, new double[] {100, 600, 150, 900, 300, 50});
    // No downscale window, so cooldowns alone pace the copies and they act more often.
    Policy policy = Policy.builder().downscaleDelay(Duration.ZERO).build();
    try (EmulatedDeployment d = E2e.deploy(load, 2, E2e.config(policy, false), dir, 4)) {
      for (int minute = 0; minute < 60; minute++) {
        Instant tick = E2e.START.plus(Duration.ofMinutes(minute));
        for (int copy = 0; copy < 4; copy++) {
          Response r = d.tick(copy, tick);
          assertThat(r.statusCode()).as(r.result().message()).isEqualTo(200);
        }
      }

      List<ModifyRecord> actions = d.emulator().modifyLog();
      assertThat(actions)
          .as("the load should make the copies act several times")
          .hasSizeGreaterThan(3);
      for (int i = 1; i < actions.size(); i++) {
        ModifyRecord previous = actions.get(i - 1);
        ModifyRecord next = actions.get(i);
        Duration gap = Duration.between(previous.at(), next.at());
        assertThat(gap)
            .as("general cooldown before %s", next)
            .isGreaterThanOrEqualTo(policy.generalCooldown());
        boolean up = next.toDesired() > next.fromDesired();
        ModifyRecord lastSameDirection = lastInDirection(actions.subList(0, i), up);
        if (lastSameDirection != null) {
          Duration own = up ? policy.scaleUpCooldown() : policy.scaleDownCooldown();
          assertThat(Duration.between(lastSameDirection.at(), next.at()))
              .as("%s cooldown before %s", up ? "scale-up" : "scale-down", next)
              .isGreaterThanOrEqualTo(own);
        }
      }

      StateDocument state = StateJson.read(Files.readAllBytes(d.stateFile()));
      ModifyRecord last = actions.get(actions.size() - 1);
      assertThat(state.scaler().lastScalingAction()).contains(last.at());
      assertThat(state.scaler().lastGeneralAction()).contains(last.at());
      assertThat(state.scaler().lastScaleUp()).contains(lastInDirection(actions, true).at());
      ModifyRecord lastDown = lastInDirection(actions, false);
      if (lastDown != null) {
        assertThat(state.scaler().lastScaleDown()).contains(lastDown.at());
      }
      assertThat(state.scalingHistory()).hasSize(actions.size());
      assertThat(state.statistics().totalScaleUps() + state.statistics().totalScaleDowns())
          .isEqualTo(actions.size());
    }
  }

  private static ModifyRecord lastInDirection(List<ModifyRecord> actions, boolean up) {
    ModifyRecord found = null;
    for (ModifyRecord m : actions) {
      if ((m.toDesired() > m.fromDesired()) == up) {
        found = m;
      }
    }
    return found;
  }
}
