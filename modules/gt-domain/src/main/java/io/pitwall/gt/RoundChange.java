package io.pitwall.gt;

import io.pitwall.core.EventIds;
import io.pitwall.core.WatchKey;
import java.util.UUID;

/**
 * A round result that appeared or changed.
 *
 * @param standing the standing it was seen in (series, type, rank, total after the round)
 * @param round the round now
 * @param previous the round before, or null for a new round
 * @param revision how many times this round has been reported, this one included
 * @param epoch the watch's epoch (see {@link GtWatchState#epoch()}), or null for a legacy state
 */
public record RoundChange(
    SeriesStanding standing,
    SeriesStanding.Round round,
    SeriesStanding.Round previous,
    int revision,
    String epoch) {

  /** What changed. */
  public enum Kind {
    NEW_ROUND,
    POINTS_CHANGED,
    COUNTED_CHANGED,
    POINTS_AND_COUNTED_CHANGED
  }

  /** What changed about the round. */
  public Kind kind() {
    if (previous == null) {
      return Kind.NEW_ROUND;
    }
    boolean points = Double.compare(previous.points(), round.points()) != 0;
    boolean counted = previous.counted() != round.counted();
    return points && counted
        ? Kind.POINTS_AND_COUNTED_CHANGED
        : points ? Kind.POINTS_CHANGED : Kind.COUNTED_CHANGED;
  }

  /** The deterministic event id of this change for a watch. */
  public UUID eventId(WatchKey watch) {
    String number = Integer.toString(round.number());
    String times = Integer.toString(revision);
    return epoch == null
        ? EventIds.of("SeriesRoundScored", watch.toString(), standing.seriesId(), number, times)
        : EventIds.of(
            "SeriesRoundScored", watch.toString(), epoch, standing.seriesId(), number, times);
  }
}
