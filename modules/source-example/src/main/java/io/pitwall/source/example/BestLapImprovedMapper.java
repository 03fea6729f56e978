package io.pitwall.source.example;

import io.pitwall.core.EventIds;
import io.pitwall.core.WatchKey;
import io.pitwall.events.BestLapImproved;
import io.pitwall.source.api.Envelopes;
import java.time.Instant;

/** Turns an improvement into its {@link BestLapImproved} event. */
public final class BestLapImprovedMapper {

  private BestLapImprovedMapper() {}

  /**
   * The event of one improvement. Its id is derived from the watch, the track and the new time, so
   * the same improvement always carries the same id.
   *
   * @param watch the watch that found it
   * @param label the watch's label, or null
   * @param driver the driver as the API answered
   * @param improvement what improved
   * @param detectedAt when the poll ran
   */
  public static BestLapImproved toEvent(
      WatchKey watch,
      String label,
      String driver,
      BestLapDiffer.Improvement improvement,
      Instant detectedAt) {
    return BestLapImproved.newBuilder()
        .setEnvelope(
            Envelopes.of(
                watch,
                label,
                EventIds.of(
                    BestLapImproved.class.getSimpleName(),
                    watch.toString(),
                    improvement.track(),
                    Long.toString(improvement.lapMillis())),
                detectedAt,
                null))
        .setDriver(driver)
        .setTrack(improvement.track())
        .setLapMillis(improvement.lapMillis())
        .setPreviousLapMillis(improvement.previousLapMillis())
        .build();
  }

  /** A lap time as {@code m:ss.SSS}, e.g. 1:23.456 for 83456. */
  public static String lapTime(long millis) {
    return String.format(
        java.util.Locale.ROOT, "%d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
  }
}
