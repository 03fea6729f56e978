package io.pitwall.chaos;

import io.pitwall.events.DrClassChanged;
import io.pitwall.events.Envelope;
import io.pitwall.events.SafetyRatingChanged;
import io.pitwall.events.SeriesRoundScored;
import io.pitwall.events.TrophyEarned;
import io.pitwall.simulator.gt.GtFact;
import io.pitwall.simulator.psn.TrophyEarnedFact;
import org.apache.avro.specific.SpecificRecord;

/**
 * Puts the simulator's ground truth and the published events in the same terms ({@link Change}): a
 * trophy is {@code psn:<account> <title>#<trophy>} going from {@code unearned} to {@code earned}; a
 * rating is {@code <source>:<driver> dr|sr} going from one letter to another; a round is {@code
 * <source>:<driver> round:<series>:<no>} going from {@code points/counted} (or nothing) to another.
 */
final class Changes {

  static final String UNEARNED = "unearned";
  static final String EARNED = "earned";

  private Changes() {}

  static Change of(TrophyEarnedFact fact) {
    return Change.truth(
        "psn:" + fact.accountId() + " " + fact.npCommunicationId() + "#" + fact.trophyId(),
        UNEARNED,
        EARNED);
  }

  static Change of(GtFact fact) {
    return Change.truth(
        fact.api() + ":" + fact.driver() + " " + fact.field(), fact.before(), fact.after());
  }

  /** The change an event reports. */
  static Change of(SpecificRecord event) {
    if (event instanceof TrophyEarned t) {
      return new Change(
          key(t.getEnvelope()) + " " + t.getNpCommunicationId() + "#" + t.getTrophyId(),
          UNEARNED,
          EARNED,
          t.getEnvelope().getEventId().toString());
    }
    if (event instanceof DrClassChanged d) {
      return new Change(
          key(d.getEnvelope()) + " dr",
          d.getPreviousClass(),
          d.getNewClass(),
          d.getEnvelope().getEventId().toString());
    }
    if (event instanceof SafetyRatingChanged s) {
      return new Change(
          key(s.getEnvelope()) + " sr",
          s.getPreviousClass(),
          s.getNewClass(),
          s.getEnvelope().getEventId().toString());
    }
    if (event instanceof SeriesRoundScored r) {
      return new Change(
          key(r.getEnvelope()) + " round:" + r.getSeriesId() + ":" + r.getRoundNumber(),
          r.getPreviousPoints() == null
              ? null
              : round(r.getPreviousPoints(), r.getPreviousIsCounted()),
          round(r.getPoints(), r.getIsCounted()),
          r.getEnvelope().getEventId().toString());
    }
    throw new IllegalArgumentException("not an event the harness checks: " + event.getSchema());
  }

  private static String key(Envelope envelope) {
    return envelope.getSource() + ":" + envelope.getAccountId();
  }

  private static String round(double points, Boolean counted) {
    String p = points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    return p + "/" + counted;
  }
}
