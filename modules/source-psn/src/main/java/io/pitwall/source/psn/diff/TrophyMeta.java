package io.pitwall.source.psn.diff;

/**
 * A trophy's description from the title metadata (shared by every account).
 *
 * @param trophyId id within the title
 * @param groupId {@code default}, {@code 001}, ...
 * @param groupName the group's name, or null
 * @param type bronze, silver, gold or platinum
 * @param name trophy name
 * @param detail trophy description
 * @param iconUrl icon URL
 * @param hidden secret trophy
 * @param rewardName PS5 reward, or null
 * @param rewardImageUrl PS5 reward image, or null
 */
public record TrophyMeta(
    int trophyId,
    String groupId,
    String groupName,
    String type,
    String name,
    String detail,
    String iconUrl,
    boolean hidden,
    String rewardName,
    String rewardImageUrl) {}
