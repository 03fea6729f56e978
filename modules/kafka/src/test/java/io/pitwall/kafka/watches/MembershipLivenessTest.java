package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MembershipLivenessTest {

  private final MembershipLiveness liveness = new MembershipLiveness(Duration.ofSeconds(30));

  @Test
  void shouldStayLiveWhileTheThreadsKeepRunning() {
    for (long t = 1_000; t < 120_000; t += 500) {
      liveness.touch(t);
      assertThat(liveness.live(t)).isTrue();
    }
    assertThat(liveness.reason()).isNull();
  }

  @Test
  void shouldStayLiveAfterAPauseShorterThanTheSessionTimeout() {
    liveness.touch(1_000);
    liveness.touch(29_000);
    assertThat(liveness.live(29_000)).isTrue();
  }

  @Test
  void shouldStopPollingAfterStandingStillLongerThanTheSessionTimeout() {
    liveness.touch(1_000);
    liveness.touch(41_000);
    assertThat(liveness.live(41_000)).isFalse();
    assertThat(liveness.reason()).contains("40 s").contains("session timeout of 30 s");
    // the other thread's touch right after does not clear it
    liveness.touch(41_100);
    assertThat(liveness.live(41_100)).isFalse();
  }

  @Test
  void shouldResumeOnceTheGroupRebalanced() {
    liveness.touch(1_000);
    liveness.touch(50_000);
    assertThat(liveness.live(50_000)).isFalse();
    liveness.rebalanced();
    assertThat(liveness.live(50_100)).isTrue();
    assertThat(liveness.reason()).isNull();
  }

  @Test
  void shouldResumeAfterTwiceTheSessionTimeoutWithoutARebalance() {
    liveness.touch(1_000);
    liveness.touch(50_000);
    assertThat(liveness.live(100_000)).isFalse();
    assertThat(liveness.live(110_001)).isTrue();
  }

  @Test
  void shouldIgnoreAThreadWhoseClockReadingIsOlder() {
    liveness.touch(10_000);
    liveness.touch(9_500);
    liveness.touch(10_400);
    assertThat(liveness.live(10_400)).isTrue();
  }
}
