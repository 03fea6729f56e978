package io.pitwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunValidityTest {

  private static final ValidityLimits LIMITS =
      ValidityLimits.forBudget(300, Duration.ofMinutes(15));
  private static final RunValidity AT_300 = new RunValidity(LIMITS, 300);

  /** A run that kept up: the figures of a quiet run of the benchmark (virtual time at 300x). */
  private static EngineLag quiet(String mode) {
    return new EngineLag(mode, lag(0.5, 5.6), 0.980, lag(1.7, 4.0), lag(7.2, 12.0), lag(120, 130));
  }

  private static Lag lag(double p99Seconds, double maxSeconds) {
    return new Lag(1000, seconds(p99Seconds), seconds(maxSeconds));
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }

  private static final Lag QUIET_FEED = lag(6.6, 12.9);

  @Test
  void shouldDeriveTheLimitsFromTheBucket() {
    // 300 per 15 min: a burst of 6 tokens, refilled at 294 per 15 min
    assertThat(LIMITS.ticksP99()).isEqualTo(Duration.ofMinutes(15).multipliedBy(6).dividedBy(294));
    assertThat(LIMITS.ticksP99().toMillis()).isEqualTo(18_367);
    assertThat(LIMITS.allowedBudgetUse()).isEqualTo(0.98);
    assertThat(LIMITS.minBudgetUse()).isEqualTo(0.97, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void shouldGiveTheVerdictWithItsFiguresWhenEveryEngineKeptUp() {
    RunValidity.Verdict verdict =
        AT_300.judge(List.of(quiet("adaptive"), quiet("round-robin")), QUIET_FEED);

    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.suggestedCompression()).isEqualTo(300);
    assertThat(verdict.line())
        .startsWith("validity: kept up at --compression 300 — adaptive: ticks late p99=0.5 s")
        .contains("ticks late p99=0.5 s (2 ms wall) max=5.6 s (19 ms wall) (limit 18.4 s)")
        .contains("budget use 0.980 (allowed 0.980, at least 0.970)")
        .contains("simulator requests p99=1.7 s (6 ms wall)")
        .contains("broker p99=7.2 s (24 ms wall)")
        .contains("; round-robin: ticks late")
        .endsWith(
            "; benchmark: activity feed every p99=6.6 s (22 ms wall) max=12.9 s (43 ms wall)"
                + " (limit 30.0 s)")
        .doesNotContain("INVALID");
  }

  @Test
  void shouldRefuseTheReportedRunWhoseBudgetUseFellTo0926() {
    EngineLag adaptive =
        new EngineLag("adaptive", lag(0.5, 5.6), 0.926, lag(1.7, 4), lag(7.2, 12), lag(120, 130));

    RunValidity.Verdict verdict = AT_300.judge(List.of(adaptive, quiet("round-robin")), QUIET_FEED);

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.line())
        .isEqualTo(
            "scheduling: INVALID — adaptive: budget use 0.926 < 0.970 allowed (the bucket allows"
                + " 0.980); try --compression 100");
  }

  @Test
  void shouldNameEachEngineAndEachFigureThatFellBehindAndNoOther() {
    EngineLag adaptive =
        new EngineLag("adaptive", lag(0.5, 5.6), 0.980, lag(45, 90), lag(7.2, 12), lag(120, 130));
    EngineLag roundRobin =
        new EngineLag("round-robin", lag(45, 300), 0.951, lag(1.7, 4), lag(40, 60), lag(120, 130));

    RunValidity.Verdict verdict = AT_300.judge(List.of(adaptive, roundRobin), QUIET_FEED);

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.line())
        .isEqualTo(
            "scheduling: INVALID — adaptive: simulator requests p99=45.0 s (150 ms wall) > limit"
                + " 30.0 s; round-robin: ticks late p99=45.0 s (150 ms wall) > limit 18.4 s,"
                + " budget use 0.951 < 0.970 allowed (the bucket allows 0.980), broker p99=40.0 s"
                + " (133 ms wall) > limit 30.0 s; try --compression 100");
  }

  @Test
  void shouldAcceptFiguresExactlyAtTheirLimits() {
    EngineLag atLimits =
        new EngineLag(
            "adaptive",
            new Lag(10, LIMITS.ticksP99(), seconds(600)),
            LIMITS.minBudgetUse(),
            new Lag(10, LIMITS.simulatorP99(), seconds(600)),
            new Lag(10, LIMITS.brokerP99(), seconds(600)),
            lag(600, 600));

    RunValidity.Verdict verdict =
        AT_300.judge(List.of(atLimits), new Lag(10, LIMITS.activityP99(), seconds(600)));

    assertThat(verdict.valid()).as(verdict.line()).isTrue();
  }

  @Test
  void shouldRefuseARunWhoseActivityFeedFellBehind() {
    RunValidity.Verdict verdict =
        AT_300.judge(List.of(quiet("adaptive"), quiet("round-robin")), lag(31, 200));

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.line())
        .isEqualTo(
            "scheduling: INVALID — benchmark: activity feed every p99=31.0 s (103 ms wall) >"
                + " limit 30.0 s; try --compression 100");
  }

  @Test
  void shouldSuggestACompressionAtWhichTheWorstLagWouldFit() {
    EngineLag farBehind =
        new EngineLag("adaptive", lag(183.6, 400), 0.980, lag(1.7, 4), lag(7.2, 12), lag(1, 1));

    RunValidity.Verdict verdict = AT_300.judge(List.of(farBehind), QUIET_FEED);

    // ten times its limit of 18.37 s: 300 / 10 = 30
    assertThat(verdict.suggestedCompression()).isEqualTo(30);
    assertThat(verdict.line()).endsWith("; try --compression 30");
  }

  @Test
  void shouldRefuseABudgetUseThatIsNotANumber() {
    EngineLag noWindow =
        new EngineLag("adaptive", lag(0.5, 1), Double.NaN, lag(1, 1), lag(1, 1), lag(1, 1));

    assertThat(AT_300.judge(List.of(noWindow), QUIET_FEED).valid()).isFalse();
  }

  @Test
  void shouldRoundTheSuggestionDownToOneTwoThreeOrFiveTimesAPowerOfTen() {
    assertThat(RunValidity.suggestedCompression(300, 1)).isEqualTo(100);
    assertThat(RunValidity.suggestedCompression(300, 5)).isEqualTo(50);
    assertThat(RunValidity.suggestedCompression(100, 1.5)).isEqualTo(30);
    assertThat(RunValidity.suggestedCompression(1000, 2)).isEqualTo(300);
    assertThat(RunValidity.suggestedCompression(600, 3)).isEqualTo(200);
    assertThat(RunValidity.suggestedCompression(2, 1)).isEqualTo(1);
  }
}
