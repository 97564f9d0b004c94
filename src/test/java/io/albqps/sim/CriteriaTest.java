package io.albqps.sim;

import static io.albqps.sim.HandMadeRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The issue-7 criteria judged on hand-made metrics: one rule per row. */
class CriteriaTest {
  private static final PolicyRun GOOD_OURS = run("ours", 5, 10, 10, 1.2, 3, 0);
  private static final PolicyRun HPA = run("hpa", 8, 20, 9, 1.1, 6, 1);
  private static final PolicyRun RAY = run("ray", 7, 15, 12, 1.4, 2, 0);
  private static final PolicyRun ORACLE = run("oracle", 0, 0, 8.3, 1.0, 9, 4);

  private static List<Criteria.Verdict> check(PolicyRun ours, PolicyRun... others) {
    List<PolicyRun> runs = new ArrayList<>(List.of(ours));
    runs.addAll(List.of(others));
    SimulationResult result = HandMadeRuns.result(8.3, runs);
    return Criteria.check(result, "ours");
  }

  private static boolean passed(List<Criteria.Verdict> verdicts, String criterion) {
    return verdicts.stream()
        .filter(v -> v.criterion().equals(criterion))
        .findFirst()
        .orElseThrow()
        .passed();
  }

  @Test
  void policyBetterOnEveryCountPassesEveryCriterion() {
    List<Criteria.Verdict> verdicts = check(GOOD_OURS, HPA, RAY, ORACLE);

    assertThat(verdicts).extracting(Criteria.Verdict::criterion).isEqualTo(Criteria.NAMES);
    assertThat(Criteria.allPassed(verdicts)).isTrue();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(
            "a tie on SLO minutes is not fewer", run("ours", 7, 10, 10, 1.2, 3, 0), "slo", false),
        Arguments.of(
            "zero SLO minutes everywhere passes", run("ours", 0, 0, 10, 1.2, 3, 0), "slo", true),
        Arguments.of(
            "a tie on under-provisioning fails", run("ours", 5, 15, 10, 1.2, 3, 0), "under", false),
        Arguments.of(
            "no baseline serves as well: cost is judged by the oracle only",
            run("ours", 5, 10, 30, 1.2, 3, 0),
            "cost",
            true),
        Arguments.of(
            "more than 5 % above the cheapest baseline as good fails",
            run("ours", 8, 10, 9.46, 1.2, 3, 0), "cost", false),
        Arguments.of(
            "up to 5 % above the cheapest baseline as good passes",
            run("ours", 8, 10, 9.45, 1.2, 3, 0), "cost", true),
        Arguments.of(
            "1.31 x the oracle fails", run("ours", 5, 10, 10, 1.31, 3, 0), "oracle", false),
        Arguments.of("1.3 x the oracle passes", run("ours", 5, 10, 10, 1.3, 3, 0), "oracle", true),
        Arguments.of("one flap fails", run("ours", 5, 10, 10, 1.2, 3, 1), "flaps", false),
        Arguments.of(
            "as many actions as hpa fails", run("ours", 5, 10, 10, 1.2, 6, 0), "actions", false),
        Arguments.of(
            "fewer actions than hpa passes", run("ours", 5, 10, 10, 1.2, 5, 0), "actions", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void judgesOneRule(String sentence, PolicyRun ours, String criterion, boolean expected) {
    assertThat(passed(check(ours, HPA, RAY, ORACLE), criterion)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {Simulation.ORACLE, Simulation.FLAP_FREE_ORACLE})
  void aPolicyThatKnowsTheFutureIsNeverTakenForABaseline(String clairvoyant) {
    PolicyRun ours = run("ours", 1, 1, 10, 1.2, 3, 0);

    List<Criteria.Verdict> verdicts = check(ours, HPA, run(clairvoyant, 0, 0, 8.3, 1.0, 9, 0));

    assertThat(passed(verdicts, "slo")).isTrue();
    assertThat(passed(verdicts, "under")).isTrue();
  }

  @Test
  void csvHasOneRowPerCriterionWithItsNumbers() {
    String csv = Criteria.csv(check(GOOD_OURS, HPA, RAY, ORACLE));

    assertThat(csv.lines().toList())
        .hasSize(1 + Criteria.NAMES.size())
        .first()
        .isEqualTo("criterion,outcome,detail");
    assertThat(csv).contains("slo,PASS,\"ours 5.00 vs ray 7.00\"");
  }
}
