package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker finds lost, duplicated and false events, and accepts coalesced state changes. */
class ChaosCheckerTest {

  private static final String TROPHY = "psn:1 NPWR1#2";
  private static final String OTHER_TROPHY = "psn:1 NPWR1#3";
  private static final String DR = "gridstats:skino dr";

  private static Change trophy(String key) {
    return Change.truth(key, "unearned", "earned");
  }

  private static Change event(String key, String from, String to, String id) {
    return new Change(key, from, to, id);
  }

  @Test
  void shouldAcceptEveryChangeOnceWithDistinctIds() {
    Verdict verdict =
        ChaosChecker.check(
            List.of(trophy(TROPHY), Change.truth(DR, "B", "A"), Change.truth(DR, "A", "B")),
            List.of(
                event(TROPHY, "unearned", "earned", "e1"),
                event(DR, "B", "A", "e2"),
                event(DR, "A", "B", "e3")));
    assertThat(verdict.clean()).as(verdict.details().toString()).isTrue();
    assertThat(verdict.changes()).isEqualTo(3);
  }

  @Test
  void shouldReportATrophyThatNoEventReported() {
    Verdict verdict =
        ChaosChecker.check(
            List.of(trophy(TROPHY), trophy(OTHER_TROPHY)),
            List.of(event(TROPHY, "unearned", "earned", "e1")));
    assertThat(verdict.lost()).isEqualTo(1);
    assertThat(verdict.duplicated()).isZero();
    assertThat(verdict.falseEvents()).isZero();
    assertThat(verdict.details()).anyMatch(d -> d.startsWith("lost: " + OTHER_TROPHY));
  }

  @Test
  void shouldReportAChangePublishedTwiceUnderTheSameIdOrAnotherOne() {
    Verdict sameId =
        ChaosChecker.check(
            List.of(trophy(TROPHY)),
            List.of(
                event(TROPHY, "unearned", "earned", "e1"),
                event(TROPHY, "unearned", "earned", "e1")));
    assertThat(sameId.duplicated()).isEqualTo(1);
    assertThat(sameId.lost()).isZero();
    Verdict newId =
        ChaosChecker.check(
            List.of(Change.truth(DR, "B", "A")),
            List.of(event(DR, "B", "A", "e1"), event(DR, "B", "A", "e2")));
    assertThat(newId.duplicated()).isEqualTo(1);
    assertThat(newId.falseEvents()).isZero();
  }

  @Test
  void shouldReportAnEventIdReusedByAnotherChange() {
    Verdict verdict =
        ChaosChecker.check(
            List.of(trophy(TROPHY), trophy(OTHER_TROPHY)),
            List.of(
                event(TROPHY, "unearned", "earned", "e1"),
                event(OTHER_TROPHY, "unearned", "earned", "e1")));
    assertThat(verdict.duplicated()).isEqualTo(1);
    assertThat(verdict.lost()).as("the change behind the reused id counts as lost").isEqualTo(1);
  }

  @Test
  void shouldReportEventsThatMatchNoChange() {
    Verdict verdict =
        ChaosChecker.check(
            List.of(Change.truth(DR, "B", "A")),
            List.of(
                event(DR, "B", "A", "e1"),
                event(DR, "A", "S", "e2"),
                event(TROPHY, "unearned", "earned", "e3")));
    assertThat(verdict.falseEvents()).isEqualTo(2);
    assertThat(verdict.lost()).isZero();
  }

  @Test
  void shouldAcceptChangesThatCameAndWentBetweenTwoPolls() {
    Verdict verdict =
        ChaosChecker.check(
            List.of(
                Change.truth(DR, "B", "A"), Change.truth(DR, "A", "B"), Change.truth(DR, "B", "C")),
            List.of(event(DR, "B", "C", "e1")));
    assertThat(verdict.clean()).as(verdict.details().toString()).isTrue();
  }

  @Test
  void shouldReportAGapInTheChainAndAFinalStateNeverReached() {
    Verdict gap =
        ChaosChecker.check(
            List.of(
                Change.truth(DR, "B", "A"), Change.truth(DR, "A", "S"), Change.truth(DR, "S", "A")),
            List.of(event(DR, "B", "A", "e1"), event(DR, "S", "A", "e3")));
    assertThat(gap.lost()).as(gap.details().toString()).isEqualTo(1);
    assertThat(gap.details()).anyMatch(d -> d.contains("A -> S never published"));
    Verdict stuck =
        ChaosChecker.check(
            List.of(Change.truth(DR, "B", "A"), Change.truth(DR, "A", "S")),
            List.of(event(DR, "B", "A", "e1")));
    assertThat(stuck.lost()).isEqualTo(1);
    assertThat(stuck.details()).anyMatch(d -> d.contains("final state S never published"));
  }
}
