package io.pitwall.simulator.psn;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's state in one title: synced, which trophies it earned and when, progress on PS5
 * progress-tracking trophies, and whether the account hid the title. Guarded by {@link PsnWorld}.
 */
public final class TitleProgress {

  /**
   * Progress towards a trophy that tracks it.
   *
   * @param value steps completed, as the API's string
   * @param rate percent complete
   * @param at when progress was last made
   */
  public record Progress(String value, int rate, Instant at) {}

  final Map<Integer, Instant> earned = new TreeMap<>();
  final Map<Integer, Progress> progress = new TreeMap<>();
  Instant lastUpdated;
  boolean hidden;

  TitleProgress(Instant syncedAt) {
    this.lastUpdated = syncedAt;
  }

  /** When the trophy was earned, or null. */
  public Instant earnedAt(int trophyId) {
    return earned.get(trophyId);
  }

  /** Time of the latest earn (or first sync when nothing is earned). */
  public Instant lastUpdated() {
    return lastUpdated;
  }

  /** Whether the owner hid this title. */
  public boolean hidden() {
    return hidden;
  }

  /** Progress on a progress-tracking trophy, or null. */
  public Progress progress(int trophyId) {
    return progress.get(trophyId);
  }
}
