package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A metrics outage answers 200 {@code metrics_unavailable} and holds; in a row it is a repeated
 * problem: after {@code ALERT_AFTER_CONSECUTIVE_ERRORS} (3 here) such evaluations, one alert.
 */
class MetricsOutageAlertTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Response evaluate(boolean withData) {
    if (withData) {
      f.cloud.qps(f.clock.instant(), 100);
    } else {
      f.cloud.qps(f.clock.instant());
    }
    Response response = f.invoke(Event.evaluation(false));
    f.clock.advance(Duration.ofSeconds(15));
    return response;
  }

  @Test
  void alertsOnceWhenTheOutageReachesTheConfiguredNumberOfEvaluations() {
    evaluate(false);
    evaluate(false);
    assertThat(f.alerts.sent).isEmpty();

    Response third = evaluate(false);

    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.result().message()).isEqualTo("metrics_unavailable");
    assertThat(f.alerts.sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo("metrics_unavailable");
              assertThat(a.status()).isEqualTo(Response.ERROR);
              assertThat(a.message()).contains("3 evaluations in a row");
              assertThat(a.details()).containsEntry("consecutive_errors", 3);
            });
  }

  @Test
  void aLongOutageDoesNotAlertOnEveryEvaluation() {
    for (int i = 0; i < 12; i++) {
      evaluate(false);
    }

    assertThat(f.alerts.sent).hasSize(1);
    assertThat(f.store.current().errorTracking().consecutiveErrors()).isEqualTo(12);
  }

  @Test
  void anOutageIsCountedInTheStreakButNotAsAnError() {
    evaluate(false);

    assertThat(f.store.current().errorTracking().consecutiveErrors()).isEqualTo(1);
    assertThat(f.store.current().errorTracking().lastError())
        .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("metrics_unavailable"));
    assertThat(f.store.current().statistics().totalErrors()).isZero();
  }

  @Test
  void dataComingBackEndsTheStreakAndANewOutageAlertsAgain() {
    evaluate(false);
    evaluate(false);
    evaluate(true);
    assertThat(f.store.current().errorTracking().consecutiveErrors()).isZero();

    evaluate(false);
    evaluate(false);
    assertThat(f.alerts.sent).isEmpty();
    evaluate(false);

    assertThat(f.alerts.sent).hasSize(1);
  }

  @Test
  void dryRunsWithoutDataNeitherCountNorAlert() {
    for (int i = 0; i < 4; i++) {
      f.cloud.qps(f.clock.instant());
      f.invoke(Event.evaluation(true));
    }

    assertThat(f.alerts.sent).isEmpty();
    assertThat(f.store.current().errorTracking().consecutiveErrors()).isZero();
  }
}
