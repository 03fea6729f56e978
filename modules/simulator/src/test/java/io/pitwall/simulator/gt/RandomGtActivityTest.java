package io.pitwall.simulator.gt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RandomGtActivityTest {

  @Test
  void shouldChangeClassesAndAddRoundsReproducibly() {
    GtWorld first = world();
    GtWorld second = world();
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    RandomGtActivity a = new RandomGtActivity(first, clock, 7, 5);
    RandomGtActivity b = new RandomGtActivity(second, clock, 7, 5);
    for (int i = 0; i < 60; i++) {
      a.tick();
      b.tick();
    }

    assertThat(first.groundTruth()).isEqualTo(second.groundTruth());
    assertThat(first.groundTruth()).anyMatch(f -> f.field().equals("dr"));
    assertThat(first.groundTruth()).anyMatch(f -> f.field().startsWith("round:1564:"));
  }

  private static GtWorld world() {
    GtWorld gt = new GtWorld();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    gt.addGridDriver("skino2024", "Skino", "C", "S", 9_900, true, now);
    gt.addSeries("1564", "Nations Cup");
    gt.setRound("1564", "skino2024", 1, 120, true, now);
    gt.addProfile("9568550", "x", "us", "1234567-0", "1234567-0", 3, 9_900, 82);
    return gt;
  }
}
