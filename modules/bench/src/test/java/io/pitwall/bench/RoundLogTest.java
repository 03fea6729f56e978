package io.pitwall.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoundLogTest {

  private static final long MS = 1_000_000;

  @Test
  void shouldFindNoLatenessInRoundsThatRanOnSchedule() {
    long[] late =
        RoundLog.latenessNanos(
            new long[] {0, 1, 2, 3},
            new long[] {1000 * MS, 1020 * MS, 1040 * MS, 1060 * MS},
            20 * MS);

    assertThat(late).containsExactly(0, 0, 0, 0);
  }

  @Test
  void shouldMeasureEachRoundAgainstTheEarliestRunningOne() {
    // round 0 ran 3 ms late itself; round 2 ran on time, so it fixes the schedule
    long[] late =
        RoundLog.latenessNanos(
            new long[] {0, 1, 2, 3},
            new long[] {1003 * MS, 1025 * MS, 1040 * MS, 1090 * MS},
            20 * MS);

    assertThat(late).containsExactly(3 * MS, 5 * MS, 0, 30 * MS);
  }

  @Test
  void shouldPlaceARoundAfterADroppedOneByItsNumber() {
    // round 1 never ran; round 2 ran at its place on the schedule
    long[] late =
        RoundLog.latenessNanos(new long[] {0, 2}, new long[] {1000 * MS, 1040 * MS}, 20 * MS);

    assertThat(late).containsExactly(0, 0);
  }

  @Test
  void shouldRefuseRoundsWithoutTheirStarts() {
    assertThatThrownBy(() -> RoundLog.latenessNanos(new long[] {0, 1}, new long[] {0}, 20 * MS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one start per round");
  }

  @Test
  void shouldJudgeOnlyTheRoundsOfTheMeasuredPartInVirtualTime() {
    RoundLog log = new RoundLog(Duration.ofMillis(20), 300);
    Instant t0 = Instant.parse("2026-12-03T00:00:00Z");
    // warm-up: round 1 ran 100 ms late, outside the measured part
    log.started(0, 1000 * MS, t0);
    log.started(1, 1120 * MS, t0.plusSeconds(6));
    // measured: round 2 on time, round 3 10 ms late
    log.started(2, 1040 * MS, t0.plusSeconds(12));
    log.started(3, 1070 * MS, t0.plusSeconds(18));

    Lag lag = log.lateness(t0.plusSeconds(12), t0.plusSeconds(24));

    assertThat(lag.samples()).isEqualTo(2);
    // 10 ms of wall time at 300x is 3 s of virtual time
    assertThat(lag.p99()).isEqualTo(Duration.ofSeconds(3));
    assertThat(lag.max()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldShowNoLagWithoutRounds() {
    RoundLog log = new RoundLog(Duration.ofMillis(20), 300);
    Instant t0 = Instant.parse("2026-12-03T00:00:00Z");

    assertThat(log.lateness(t0, t0.plusSeconds(60))).isEqualTo(Lag.NONE);
  }
}
