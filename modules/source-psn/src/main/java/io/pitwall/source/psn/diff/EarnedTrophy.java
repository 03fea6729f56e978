package io.pitwall.source.psn.diff;

import java.time.Instant;
import java.util.Objects;

/**
 * A trophy an account has earned, as the earned-status endpoint reports it.
 *
 * @param trophyId id within the title
 * @param earnedAt {@code earnedDateTime}
 * @param rare rarity band 0..3, or null
 * @param earnedRate percentage of players who earned it, or null
 */
public record EarnedTrophy(int trophyId, Instant earnedAt, Integer rare, Double earnedRate) {

  public EarnedTrophy {
    Objects.requireNonNull(earnedAt, "earnedAt");
  }
}
