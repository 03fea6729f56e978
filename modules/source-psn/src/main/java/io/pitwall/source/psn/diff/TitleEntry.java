package io.pitwall.source.psn.diff;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an account's {@code trophyTitles} list: what Pitwall needs to decide whether the
 * title changed and to describe it in events.
 *
 * @param npCommunicationId the trophy set id
 * @param serviceName {@code trophy} or {@code trophy2}, as the record says (never derived from the
 *     platform)
 * @param trophySetVersion version of the set
 * @param name title name
 * @param detail title description, or null
 * @param iconUrl icon URL, or null
 * @param platform platform string, e.g. {@code PS5,PSPC}
 * @param hasTrophyGroups whether the set has add-on groups
 * @param lastUpdated time of the most recent earn (or first sync)
 * @param earned earned trophies by grade
 * @param hidden whether the owner hid the title
 */
public record TitleEntry(
    String npCommunicationId,
    String serviceName,
    String trophySetVersion,
    String name,
    String detail,
    String iconUrl,
    String platform,
    boolean hasTrophyGroups,
    Instant lastUpdated,
    TrophyCounts earned,
    boolean hidden) {

  public TitleEntry {
    Objects.requireNonNull(npCommunicationId, "npCommunicationId");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(earned, "earned");
    if (!serviceName.equals("trophy") && !serviceName.equals("trophy2")) {
      throw new IllegalArgumentException(
          "npServiceName must be trophy or trophy2, not " + serviceName);
    }
  }
}
