package io.pitwall.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TokenBucket bucket = new TokenBucket(clock, 300, Duration.ofMinutes(15));

  @Test
  void shouldHandOutTheBurstThenRefillEvenly() {
    int taken = 0;
    while (bucket.tryTake()) {
      taken++;
    }
    assertThat(taken).isEqualTo(6);
    assertThat(bucket.refillPerSecond())
        .isCloseTo(294 / 900.0, org.assertj.core.data.Offset.offset(1e-9));
    Duration step = bucket.untilNextToken();
    assertThat(step.toMillis()).isBetween(3060L, 3062L);

    clock.advance(step);
    assertThat(bucket.tryTake()).isTrue();
    assertThat(bucket.tryTake()).isFalse();
  }

  @Test
  void shouldNeverExceedTheBudgetInAnyWindowYetUseAlmostAllOfIt() {
    java.util.List<Instant> takes = new java.util.ArrayList<>();
    Instant start = clock.instant();
    for (int tick = 0; tick < 4 * 60 * 60 * 4; tick++) {
      while (bucket.tryTake()) {
        takes.add(clock.instant());
      }
      clock.advance(Duration.ofMillis(250));
    }
    for (int i = 0; i < takes.size(); i++) {
      Instant windowEnd = takes.get(i).plus(Duration.ofMinutes(15));
      int inWindow = 0;
      for (int j = i; j < takes.size() && takes.get(j).isBefore(windowEnd); j++) {
        inWindow++;
      }
      assertThat(inWindow)
          .as("requests in the 15 minutes from " + takes.get(i))
          .isLessThanOrEqualTo(300);
    }
    double budget = 300.0 * Duration.between(start, clock.instant()).toSeconds() / 900.0;
    assertThat(takes.size() / budget).isGreaterThanOrEqualTo(0.975);
  }

  @Test
  void shouldRefuseABurstAsLargeAsTheBudget() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TokenBucket(clock, 10, Duration.ofMinutes(1), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("burst");
    assertThat(new TokenBucket(clock, 1, Duration.ofMinutes(1)).tryTake()).isTrue();
  }

  @Test
  void shouldPauseExactlyUntilTheServerHint() {
    Instant hint = clock.instant().plus(Duration.ofSeconds(90));
    bucket.pauseUntil(hint);

    assertThat(bucket.tryTake()).isFalse();
    assertThat(bucket.pausedUntil()).isEqualTo(hint);
    assertThat(bucket.untilNextToken()).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
    clock.set(hint.minusMillis(1));
    assertThat(bucket.tryTake()).isFalse();
    clock.set(hint);
    assertThat(bucket.tryTake()).as("tokens again exactly at the hint").isTrue();
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

  @Test
  void shouldSpendOnlyItsShareAndNeverStartAShareWithAFullBucket() {
    // 300 per 15 minutes: burst 6, refill 294 per 15 minutes
    TokenBucket half = new TokenBucket(clock, 300, Duration.ofMinutes(15));
    TokenBucket other = new TokenBucket(clock, 300, Duration.ofMinutes(15));
    half.share(0);
    other.share(0);
    assertThat(half.available()).as("no share, no token").isZero();
    half.share(0.5);
    other.share(0.5);
    assertThat(half.available()).as("a grown share refills, it is not handed a burst").isZero();
    assertThat(half.refillPerSecond()).isCloseTo(294 / 900.0 / 2, within(1e-9));
    int spent = 0;
    for (int second = 0; second < 3600; second++) {
      clock.advance(Duration.ofSeconds(1));
      while (half.tryTake()) {
        spent++;
      }
      while (other.tryTake()) {
        spent++;
      }
    }
    // an hour of two half shares: together never more than the whole budget's rate plus its burst
    assertThat(spent).isBetween((int) (294 * 4 * 0.98), 294 * 4 + 6);
    half.share(0.1);
    assertThat(half.available()).isLessThanOrEqualTo(1);
    assertThat(half.share()).isEqualTo(0.1);
  }

  @Test
  void shouldTellOnlyItsOwnPausesToTheListener() {
    TokenBucket bucket = new TokenBucket(clock, 300, Duration.ofMinutes(15));
    java.util.List<Instant> told = new java.util.ArrayList<>();
    bucket.onPause(told::add);
    Instant until = clock.instant().plusSeconds(60);
    bucket.pauseUntil(until);
    bucket.pauseUntil(until);
    bucket.pauseFromPeer(until.plusSeconds(30));
    assertThat(told)
        .as("told once: the same pause again and a peer's are not news")
        .containsExactly(until);
    assertThat(bucket.pausedUntil()).isEqualTo(until.plusSeconds(30));
    assertThat(bucket.available()).isZero();
  }
}
