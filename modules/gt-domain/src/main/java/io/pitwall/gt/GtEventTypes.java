package io.pitwall.gt;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.source.api.EventType;
import java.util.List;

/** The events both GT sources publish. */
public final class GtEventTypes {

  /** A GT driver's Driver Rating class went up or down. */
  public static final EventType DR_CLASS_CHANGED =
      EventType.of(
          DrClassChanged.class,
          "gt.dr-class-changed",
          d ->
              d.getPreviousClass()
                  + " -> "
                  + d.getNewClass()
                  + " "
                  + d.getDirection()
                  + (d.getDrPoints() == null ? "" : " (" + d.getDrPoints() + " DR points)"));

  /** A GT driver's Safety Rating class went up or down. */
  public static final EventType SAFETY_RATING_CHANGED =
      EventType.of(
          SafetyRatingChanged.class,
          "gt.safety-rating-changed",
          s -> s.getPreviousClass() + " -> " + s.getNewClass() + " " + s.getDirection());

  /** A GT driver's series round result appeared or changed. */
  public static final EventType SERIES_ROUND_SCORED =
      EventType.of(
          SeriesRoundScored.class,
          "gt.series-round-scored",
          s ->
              String.format(
                  java.util.Locale.ROOT,
                  "series %s round %d: %s points%s (%s)",
                  s.getSeriesId(),
                  s.getRoundNumber(),
                  s.getPoints(),
                  s.getIsCounted() ? ", counted" : "",
                  s.getChange()));

  /** The rating events (GT Sport profile). */
  public static final List<EventType> RATINGS = List.of(DR_CLASS_CHANGED, SAFETY_RATING_CHANGED);

  /** All three (gtgridstats). */
  public static final List<EventType> ALL =
      List.of(DR_CLASS_CHANGED, SAFETY_RATING_CHANGED, SERIES_ROUND_SCORED);

  private GtEventTypes() {}
}
