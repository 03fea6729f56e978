package io.pitwall.simulator.psn;

import java.util.Map;

/**
 * One trophy of a title's trophy set, as the title metadata endpoint describes it, plus the
 * statistics (rarity, earn rate) the earned-status endpoint reports.
 *
 * @param id unique within the title
 * @param hidden secret trophy
 * @param type grade
 * @param groupId {@code default}, {@code 001}, ...
 * @param text name and description by language ({@code en}, {@code de}, ...); {@code en} required
 * @param iconUrl icon URL
 * @param progressTargetValue PS5 progress target, or null
 * @param rewardName PS5 reward name, or null
 * @param rewardImageUrl PS5 reward image URL, or null
 * @param rare rarity band 0 (ultra rare) to 3 (common)
 * @param earnedRate percentage of players who earned it, as the API's string (e.g. "8.0")
 */
public record TrophyDef(
    int id,
    boolean hidden,
    TrophyType type,
    String groupId,
    Map<String, LocalizedText> text,
    String iconUrl,
    String progressTargetValue,
    String rewardName,
    String rewardImageUrl,
    int rare,
    String earnedRate) {

  public TrophyDef {
    text = Map.copyOf(text);
    if (!text.containsKey("en")) {
      throw new IllegalArgumentException("trophy " + id + " needs an English name and detail");
    }
  }

  /** The text in {@code language}, falling back to English. */
  public LocalizedText text(String language) {
    return text.getOrDefault(language, text.get("en"));
  }
}
