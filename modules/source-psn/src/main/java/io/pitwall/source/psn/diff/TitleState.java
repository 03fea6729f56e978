package io.pitwall.source.psn.diff;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What Pitwall remembers of one title of a watched account.
 *
 * @param lastUpdated the title's {@code lastUpdatedDateTime} when last seen
 * @param earnedCount earned trophies the list reported then
 * @param earnedIds the ids of the earned trophies, or null while Pitwall has only seen the list (a
 *     baseline does not fetch every title's trophies); kept as {@link EarnedIds}
 */
public record TitleState(Instant lastUpdated, int earnedCount, Set<Integer> earnedIds) {

  public TitleState {
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    earnedIds = earnedIds == null ? null : EarnedIds.of(earnedIds);
  }
}
