package io.pitwall.simulator.gt;

import java.time.Duration;
import java.util.Set;

/**
 * Knobs of the GT simulators.
 *
 * @param gridstatsKeys personal tokens gtgridstats accepts ({@code Authorization: Bearer <key>})
 * @param gridstatsQuota metered requests per key per window
 * @param gridstatsWindow the quota window
 * @param staggerDelay delay per not-yet-indexed driver in a racers lookup (the API's 3 s)
 */
public record GtSimulatorConfig(
    Set<String> gridstatsKeys,
    int gridstatsQuota,
    Duration gridstatsWindow,
    Duration staggerDelay) {

  public GtSimulatorConfig {
    gridstatsKeys = Set.copyOf(gridstatsKeys);
  }

  /** The API's documented stagger; a quota of 1,000 requests a day. */
  public static GtSimulatorConfig defaults(String key) {
    return new GtSimulatorConfig(Set.of(key), 1000, Duration.ofDays(1), Duration.ofSeconds(3));
  }

  /** A copy with another quota. */
  public GtSimulatorConfig withQuota(int quota, Duration window) {
    return new GtSimulatorConfig(gridstatsKeys, quota, window, staggerDelay);
  }

  /** A copy with another stagger delay. */
  public GtSimulatorConfig withStagger(Duration delay) {
    return new GtSimulatorConfig(gridstatsKeys, gridstatsQuota, gridstatsWindow, delay);
  }
}
