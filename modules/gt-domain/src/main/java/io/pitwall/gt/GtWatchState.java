package io.pitwall.gt;

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
 * @param epoch chosen at the watch's baseline and part of every event id, so that a watch removed
 *     and added again (its change counts start over) never reuses an id; null in states written
 *     before epochs existed (their ids keep the old scheme)
 */
public record GtWatchState(
    DriverSnapshot driver,
    int drChanges,
    int srChanges,
    Map<String, SeriesRounds> series,
    String epoch) {

  /** A watch never polled. */
  public static final GtWatchState EMPTY = new GtWatchState(null, 0, 0, Map.of(), null);

  public GtWatchState {
    series = Map.copyOf(new TreeMap<>(series));
  }

  /** A state without an epoch (written before epochs existed). */
  public GtWatchState(
      DriverSnapshot driver, int drChanges, int srChanges, Map<String, SeriesRounds> series) {
    this(driver, drChanges, srChanges, series, null);
  }

  /** Whether nothing was seen yet: the next observation is the baseline. */
  public boolean isEmpty() {
    return driver == null && series.isEmpty();
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
