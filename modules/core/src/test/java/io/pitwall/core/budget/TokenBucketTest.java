package io.pitwall.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TokenBucket bucket = new TokenBucket(clock, 300, Duration.ofMinutes(15));

  @Test
  void shouldHandOutTheCapacityThenRefillEvenly() {
    int taken = 0;
    while (bucket.tryTake()) {
      taken++;
    }
    assertThat(taken).isEqualTo(300);
    assertThat(bucket.untilNextToken()).isEqualTo(Duration.ofSeconds(3));

    clock.advance(Duration.ofSeconds(3));
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
  }

  @Test
  void shouldNeverExceedTheBudgetOverAWindow() {
    int taken = 0;
    for (int second = 0; second < 15 * 60; second++) {
      while (bucket.tryTake()) {
        taken++;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(taken).isLessThanOrEqualTo(300 + 300);
    assertThat(bucket.available()).isEqualTo(1);
  }

  @Test
  void shouldPauseExactlyUntilTheServerHint() {
    Instant hint = clock.instant().plus(Duration.ofSeconds(90));
    bucket.pauseUntil(hint);

    assertThat(bucket.tryTake()).isFalse();
    assertThat(bucket.pausedUntil()).isEqualTo(hint);
    assertThat(bucket.untilNextToken()).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
    clock.advance(Duration.ofSeconds(89));
    assertThat(bucket.tryTake()).isFalse();
    clock.advance(Duration.ofSeconds(4));
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.pausedUntil()).isNull();
  }

  @Test
  void shouldNeverHoldMoreThanTheServerSaysRemain() {
    bucket.capAt(2, clock.instant().plus(Duration.ofHours(1)));
    assertThat(bucket.available()).isEqualTo(2);
    bucket.capAt(0, clock.instant().plus(Duration.ofHours(1)));
    assertThat(bucket.tryTake()).isFalse();
    assertThat(bucket.pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
  }
}
