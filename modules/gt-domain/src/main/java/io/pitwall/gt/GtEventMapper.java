package io.pitwall.gt;

import io.pitwall.core.WatchKey;
import io.pitwall.events.DrClassChanged;
import io.pitwall.events.Envelope;
import io.pitwall.events.RatingDirection;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.source.api.Envelopes;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** Maps GT rating and round changes to their public events. */
public final class GtEventMapper {

  private GtEventMapper() {}

  /** A DrClassChanged or SafetyRatingChanged for a rating change. */
  public static SpecificRecord toEvent(
      WatchKey watch, String label, RatingChange change, Instant detectedAt) {
    return toEvent(watch, label, change, detectedAt, null, null);
  }

  /**
   * A DrClassChanged or SafetyRatingChanged for a rating change, with the driver's favourite
   * manufacturer and current car named when known (null otherwise).
   */
  public static SpecificRecord toEvent(
      WatchKey watch,
      String label,
      RatingChange change,
      Instant detectedAt,
      String favouriteManufacturer,
      String favouriteCar) {
    Envelope envelope = envelope(watch, label, change.eventId(watch), detectedAt);
    RatingDirection direction = change.up() ? RatingDirection.UP : RatingDirection.DOWN;
    io.pitwall.events.RatingPrecision precision =
        io.pitwall.events.RatingPrecision.valueOf(change.precision().name());
    if (change.kind() == RatingChange.Kind.DRIVER_RATING) {
      return DrClassChanged.newBuilder()
          .setEnvelope(envelope)
          .setPreviousClass(change.previousClass())
          .setNewClass(change.newClass())
          .setPreviousClassNumber(change.previousNumber())
          .setNewClassNumber(change.newNumber())
          .setDirection(direction)
          .setPreviousDrPoints(change.previousPoints())
          .setDrPoints(change.points())
          .setPrecision(precision)
          .setFavouriteManufacturer(favouriteManufacturer)
          .setFavouriteCar(favouriteCar)
          .build();
    }
    return SafetyRatingChanged.newBuilder()
        .setEnvelope(envelope)
        .setPreviousClass(change.previousClass())
        .setNewClass(change.newClass())
        .setDirection(direction)
        .setPreviousPoints(
            change.previousPoints() == null ? null : change.previousPoints().intValue())
        .setPoints(change.points() == null ? null : change.points().intValue())
        .setPrecision(precision)
        .setFavouriteManufacturer(favouriteManufacturer)
        .setFavouriteCar(favouriteCar)
        .build();
  }

  /** A SeriesRoundScored for a round change. */
  public static SeriesRoundScored toEvent(
      WatchKey watch, String label, io.pitwall.gt.RoundChange change, Instant detectedAt) {
    return SeriesRoundScored.newBuilder()
        .setEnvelope(envelope(watch, label, change.eventId(watch), detectedAt))
        .setSeriesId(change.standing().seriesId())
        .setSeriesType(change.standing().seriesType())
        .setRoundNumber(change.round().number())
        .setChange(io.pitwall.events.RoundChange.valueOf(change.kind().name()))
        .setPoints(change.round().points())
        .setPreviousPoints(change.previous() == null ? null : change.previous().points())
        .setIsCounted(change.round().counted())
        .setPreviousIsCounted(change.previous() == null ? null : change.previous().counted())
        .setSeasonRank(change.standing().seasonRank())
        .setTotalPoints(change.standing().totalPoints())
        .build();
  }

  private static Envelope envelope(
      WatchKey watch, String label, java.util.UUID id, Instant detectedAt) {
    return Envelopes.of(watch, label, id, detectedAt, null);
  }
}
