package io.pitwall.gt;

import io.pitwall.core.EventIds;
import io.pitwall.core.WatchKey;
import java.util.UUID;

/**
 * A rating class change: Driver Rating or Safety Rating.
 *
 * @param kind which rating
 * @param previousClass letter before
 * @param newClass letter after
 * @param previousNumber class number before (DR only, when the source has one)
 * @param newNumber class number after
 * @param previousPoints points before, when known
 * @param points points after, when known
 * @param up whether the class improved
 * @param precision the source's precision
 * @param sequence the watch's count of changes of this kind, this one included (identifies it)
 * @param epoch the watch's epoch (see {@link GtWatchState#epoch()}), or null for a legacy state
 */
public record RatingChange(
    Kind kind,
    String previousClass,
    String newClass,
    Integer previousNumber,
    Integer newNumber,
    Long previousPoints,
    Long points,
    boolean up,
    RatingPrecision precision,
    int sequence,
    String epoch) {

  /** Which rating changed. */
  public enum Kind {
    DRIVER_RATING,
    SAFETY_RATING
  }

  /** The deterministic event id of this change for a watch. */
  public UUID eventId(WatchKey watch) {
    String type = kind == Kind.DRIVER_RATING ? "DrClassChanged" : "SafetyRatingChanged";
    return epoch == null
        ? EventIds.of(type, watch.toString(), Integer.toString(sequence))
        : EventIds.of(type, watch.toString(), epoch, Integer.toString(sequence));
  }
}
