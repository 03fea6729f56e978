package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.TrophyMeta;
import java.util.Map;

/**
 * A title's trophy descriptions in one language, for one trophy-set version.
 *
 * @param trophySetVersion the version they describe
 * @param trophies by trophy id
 */
public record TitleMetadata(String trophySetVersion, Map<Integer, TrophyMeta> trophies) {

  public TitleMetadata {
    trophies = Map.copyOf(trophies);
  }
}
