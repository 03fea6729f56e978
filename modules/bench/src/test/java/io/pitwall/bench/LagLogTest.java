package io.pitwall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LagLogTest {

  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  @Test
  void shouldSummariseOnlyTheSamplesSeenInTheMeasuredPart() {
    LagLog log = new LagLog();
    log.record(T0.minusSeconds(1), Duration.ofMinutes(10));
    for (int i = 1; i <= 100; i++) {
      log.record(T0.plusSeconds(i), Duration.ofSeconds(i));
    }
    log.record(T0.plusSeconds(200), Duration.ofMinutes(20));

    Lag lag = log.between(T0, T0.plusSeconds(200));

    assertThat(lag).isEqualTo(new Lag(100, Duration.ofSeconds(99), Duration.ofSeconds(100)));
  }

  @Test
  void shouldShowVirtualTimeWithTheWallTimeItTook() {
    assertThat(Lag.show(Duration.ofSeconds(18), 300)).isEqualTo("18.0 s (60 ms wall)");
    assertThat(Lag.show(Duration.ofMinutes(15), 300)).isEqualTo("15.0 min (3000 ms wall)");
    assertThat(Lag.show(Duration.ofMillis(500), 100)).isEqualTo("0.5 s (5 ms wall)");
  }

  @Test
  void shouldSummariseNoSamplesAsNoLag() {
    assertThat(Lag.of(List.of())).isEqualTo(Lag.NONE);
    assertThat(Lag.of(IntStream.rangeClosed(1, 200).mapToObj(Duration::ofMillis).toList()).p99())
        .isEqualTo(Duration.ofMillis(198));
  }
}
