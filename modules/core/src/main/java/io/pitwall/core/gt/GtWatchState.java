package io.pitwall.core.gt;

import java.util.Map;
import java.util.TreeMap;

/**
 * The prior snapshot of a GT watch: the last ratings seen, how many rating changes were emitted
 * (for deterministic ids), and each watched series' rounds.
 *
 * @param driver last ratings, or null before the baseline
 * @param drChanges DR class changes emitted so far
 * @param srChanges SR class changes emitted so far
 * @param series rounds by series id
 */
public record GtWatchState(
    DriverSnapshot driver, int drChanges, int srChanges, Map<String, SeriesRounds> series) {

  /** A watch never polled. */
  public static final GtWatchState EMPTY = new GtWatchState(null, 0, 0, Map.of());

  public GtWatchState {
    series = Map.copyOf(new TreeMap<>(series));
  }

  /**
   * The rounds of one series as last seen.
   *
   * @param rounds by round number
   * @param revisions how many times each round was reported
   */
  public record SeriesRounds(
      Map<Integer, SeriesStanding.Round> rounds, Map<Integer, Integer> revisions) {
    public SeriesRounds {
      rounds = Map.copyOf(new TreeMap<>(rounds));
      revisions = Map.copyOf(new TreeMap<>(revisions));
    }
  }
}
