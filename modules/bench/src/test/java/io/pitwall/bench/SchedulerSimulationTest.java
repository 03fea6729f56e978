package io.pitwall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.simulator.psn.activity.BurstyPsnActivity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerSimulationTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  @Test
  void shouldDetectEveryChangeWithinTheMinimumIntervalWhenTheBudgetIsAmple() {
    int accounts = 20;
    Instant windowStart = T0.plus(Duration.ofHours(2));
    Instant windowEnd = windowStart.plus(Duration.ofHours(24));
    BurstyPsnActivity activity =
        new BurstyPsnActivity(
            3,
            accounts,
            BurstyPsnActivity.Parameters.defaults(),
            T0.minus(Duration.ofDays(14)),
            windowEnd);
    SchedulerSimulation simulation =
        new SchedulerSimulation(
            activity,
            accounts,
            new SchedulerSimulation.Settings(
                300,
                Duration.ofMinutes(15),
                Duration.ofMinutes(5),
                Duration.ofHours(6),
                12,
                Duration.ofSeconds(6)));

    for (SchedulingMode mode : SchedulingMode.values()) {
      SchedulerSimulation.Outcome o =
          simulation.run(mode, T0, windowStart, windowEnd, windowEnd.plus(Duration.ofHours(1)));

      assertTrue(o.changes() > 20, mode + " saw changes: " + o.changes());
      assertTrue(
          o.p99().compareTo(Duration.ofMinutes(5).plusSeconds(12)) <= 0,
          mode + ": every account is polled every 5 min, yet p99 was " + o.p99());
      assertEquals(24 * 12 * accounts, o.polls(), 0.03 * 24 * 12 * accounts, mode + " polls");
      assertTrue(o.requests() > o.polls(), mode + ": changed titles cost requests too");
      assertEquals(
          o.changes(),
          o.tiers().stream().mapToInt(SchedulerSimulation.Tier::changes).sum(),
          mode + ": every change falls in a tier");
    }
  }
}
