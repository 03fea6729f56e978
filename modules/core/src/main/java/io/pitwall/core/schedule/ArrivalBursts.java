package io.pitwall.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Groups additions of watches into bursts: each addition within {@link #GAP} of the one before
 * joins the current burst, for at most {@link #LENGTH}. Never-polled watches of one burst count as
 * equally old ({@link ScheduledWatch#ARRIVAL}), because a restored assignment's watches arrive over
 * a few seconds, partition after partition, and the catch-up must reach every partition early. Not
 * thread-safe: confined with its scheduler.
 */
final class ArrivalBursts {

  /** Additions each within this of the one before count as one burst. */
  static final Duration GAP = Duration.ofSeconds(5);

  /** A burst ends this long after it began even if additions keep coming (oldest first again). */
  static final Duration LENGTH = Duration.ofSeconds(60);

  /** The start of the current burst, and its last addition (null before any). */
  private Instant start;

  private Instant last;

  /** The start of the burst an addition at {@code now} belongs to (a new one after a gap). */
  Instant arrival(Instant now) {
    if (start == null
        || now.isBefore(start)
        || Duration.between(last, now).compareTo(GAP) > 0
        || Duration.between(start, now).compareTo(LENGTH) > 0) {
      start = now;
    }
    last = now;
    return start;
  }
}
