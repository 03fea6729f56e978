package io.pitwall.source.psn;

import io.pitwall.core.WatchKey;
import io.pitwall.events.NpServiceName;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.TrophyRarity;
import io.pitwall.events.TrophyType;
import io.pitwall.source.api.Envelopes;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import java.time.Instant;

/** Maps a detected earn to its public {@link TrophyEarned} event. */
public final class TrophyEarnedMapper {

  private static final TrophyRarity[] RARITIES = {
    TrophyRarity.ULTRA_RARE, TrophyRarity.VERY_RARE, TrophyRarity.RARE, TrophyRarity.COMMON
  };

  private TrophyEarnedMapper() {}

  /**
   * The event for one earn.
   *
   * @param watch the watch that detected it
   * @param label the watch's label, or null
   * @param change the earn
   * @param detectedAt when the poll that found it ran
   */
  public static TrophyEarned toEvent(
      WatchKey watch, String label, TrophyEarnedChange change, Instant detectedAt) {
    Integer rare = change.earned().rare();
    return TrophyEarned.newBuilder()
        .setEnvelope(
            Envelopes.of(
                watch, label, change.eventId(watch), detectedAt, change.earned().earnedAt()))
        .setNpCommunicationId(change.title().npCommunicationId())
        .setTitleName(change.title().name())
        .setTitleDetail(change.title().detail())
        .setTitleIconUrl(change.title().iconUrl())
        .setTitlePlatform(change.title().platform())
        .setNpServiceName(NpServiceName.valueOf(change.title().serviceName()))
        .setTrophySetVersion(change.title().trophySetVersion())
        .setTrophyId(change.trophy().trophyId())
        .setTrophyGroupId(change.trophy().groupId())
        .setTrophyGroupName(change.trophy().groupName())
        .setTrophyType(TrophyType.valueOf(change.trophy().type()))
        .setTrophyName(change.trophy().name())
        .setTrophyDetail(change.trophy().detail())
        .setTrophyIconUrl(change.trophy().iconUrl())
        .setTrophyHidden(change.trophy().hidden())
        .setTrophyRare(rare != null && rare >= 0 && rare < RARITIES.length ? RARITIES[rare] : null)
        .setTrophyEarnedRate(change.earned().earnedRate())
        .setTrophyRewardName(change.trophy().rewardName())
        .setTrophyRewardImageUrl(change.trophy().rewardImageUrl())
        .build();
  }
}
