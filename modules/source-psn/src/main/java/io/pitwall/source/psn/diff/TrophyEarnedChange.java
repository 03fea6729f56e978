package io.pitwall.source.psn.diff;

import io.pitwall.core.EventIds;
import io.pitwall.core.WatchKey;
import java.util.UUID;

/**
 * A detected earn, with everything a TrophyEarned event carries.
 *
 * @param title the title's list entry
 * @param trophy the trophy's metadata
 * @param earned the earn (time, rarity, rate)
 */
public record TrophyEarnedChange(TitleEntry title, TrophyMeta trophy, EarnedTrophy earned) {

  /** The deterministic event id of this earn for a watch: the same earn always gets it. */
  public UUID eventId(WatchKey watch) {
    return EventIds.of(
        "TrophyEarned",
        watch.toString(),
        title.npCommunicationId(),
        Integer.toString(trophy.trophyId()));
  }
}
