package io.pitwall.simulator.psn;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A trophy title (trophy set) in the catalog shared by all accounts.
 *
 * @param npCommunicationId unique id, e.g. NPWR20188_00
 * @param serviceName {@code trophy} (PS3/PS4/Vita) or {@code trophy2} (PS5/PC)
 * @param trophySetVersion e.g. 01.40
 * @param name title name
 * @param detail title description (trophy service titles only), or null
 * @param iconUrl icon URL
 * @param platform platform string, comma-separated for shared sets (PS5,PSPC)
 * @param groups trophy groups, {@code default} first
 * @param trophies every trophy of every group
 * @param npTitleIds product title ids (CUSA..., PPSA...) linked to this trophy set
 */
public record TitleDef(
    String npCommunicationId,
    String serviceName,
    String trophySetVersion,
    String name,
    String detail,
    String iconUrl,
    String platform,
    List<TrophyGroupDef> groups,
    List<TrophyDef> trophies,
    List<String> npTitleIds) {

  public TitleDef {
    groups = List.copyOf(groups);
    trophies = List.copyOf(trophies);
    npTitleIds = List.copyOf(npTitleIds);
    if (!serviceName.equals("trophy") && !serviceName.equals("trophy2")) {
      throw new IllegalArgumentException("npServiceName must be trophy or trophy2: " + serviceName);
    }
    if (groups.isEmpty() || !groups.get(0).id().equals("default")) {
      throw new IllegalArgumentException(npCommunicationId + " needs a default trophy group first");
    }
  }

  /** True when the title has add-on groups besides {@code default}. */
  public boolean hasTrophyGroups() {
    return groups.size() > 1;
  }

  /** True for PS3/PS4/Vita titles, which carry title and group details. */
  public boolean legacy() {
    return serviceName.equals("trophy");
  }

  /** The trophies of one group, or of all groups for {@code all}. */
  public List<TrophyDef> trophies(String groupId) {
    return groupId.equals("all")
        ? trophies
        : trophies.stream().filter(t -> t.groupId().equals(groupId)).toList();
  }

  /** The group with this id, or null. */
  public TrophyGroupDef group(String groupId) {
    return groups.stream().filter(g -> g.id().equals(groupId)).findFirst().orElse(null);
  }

  /** The trophy with this id, or null. */
  public TrophyDef trophy(int trophyId) {
    return trophies.stream().filter(t -> t.id() == trophyId).findFirst().orElse(null);
  }

  /** Count of trophies by grade in the given trophies. */
  public static Map<TrophyType, Integer> countByType(List<TrophyDef> trophies) {
    Map<TrophyType, Integer> counts = new EnumMap<>(TrophyType.class);
    for (TrophyType type : TrophyType.values()) {
      counts.put(type, 0);
    }
    trophies.forEach(t -> counts.merge(t.type(), 1, Integer::sum));
    return counts;
  }
}
