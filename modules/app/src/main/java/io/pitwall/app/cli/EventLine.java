package io.pitwall.app.cli;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.Envelope;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.events.TrophyEarned;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;

/** One readable line per event, starting with its type name: {@code TrophyEarned psn:… …}. */
public final class EventLine {

  private EventLine() {}

  /** Formats an event. */
  public static String format(SpecificRecord event) {
    if (event instanceof TrophyEarned t) {
      return String.format(
          Locale.ROOT,
          "TrophyEarned %s \"%s\" [%s] %s %s \"%s\"%s%s earned %s",
          key(t.getEnvelope()),
          t.getTitleName(),
          t.getTitlePlatform(),
          t.getTrophyType(),
          t.getNpCommunicationId() + "#" + t.getTrophyId(),
          t.getTrophyName(),
          t.getTrophyHidden() ? " (hidden)" : "",
          t.getTrophyEarnedRate() == null
              ? ""
              : String.format(Locale.ROOT, " %.1f%% of players", t.getTrophyEarnedRate()),
          t.getEnvelope().getEventTime());
    }
    if (event instanceof DrClassChanged d) {
      return String.format(
          Locale.ROOT,
          "DrClassChanged %s %s -> %s %s%s",
          key(d.getEnvelope()),
          d.getPreviousClass(),
          d.getNewClass(),
          d.getDirection(),
          d.getDrPoints() == null ? "" : " (" + d.getDrPoints() + " DR points)");
    }
    if (event instanceof io.pitwall.events.SafetyRatingChanged s) {
      return String.format(
          Locale.ROOT,
          "SafetyRatingChanged %s %s -> %s %s",
          key(s.getEnvelope()),
          s.getPreviousClass(),
          s.getNewClass(),
          s.getDirection());
    }
    if (event instanceof io.pitwall.events.WatchStatusChanged w) {
      return String.format(
          Locale.ROOT,
          "WatchStatusChanged %s %s -> %s: %s",
          key(w.getEnvelope()),
          w.getPreviousStatus() == null ? "(start)" : w.getPreviousStatus(),
          w.getStatus(),
          w.getReason());
    }
    if (event instanceof SeriesRoundScored s) {
      return String.format(
          Locale.ROOT,
          "SeriesRoundScored %s series %s round %d: %s points%s (%s)",
          key(s.getEnvelope()),
          s.getSeriesId(),
          s.getRoundNumber(),
          s.getPoints(),
          s.getIsCounted() ? ", counted" : "",
          s.getChange());
    }
    return event.getSchema().getName() + " " + event;
  }

  private static String key(Envelope envelope) {
    return envelope.getSource()
        + ":"
        + envelope.getAccountId()
        + (envelope.getWatchLabel() == null ? "" : " (" + envelope.getWatchLabel() + ")");
  }
}
