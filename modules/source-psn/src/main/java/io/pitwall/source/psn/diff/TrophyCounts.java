package io.pitwall.source.psn.diff;

/**
 * Trophies by grade, as the PSN lists report them ({@code definedTrophies}, {@code
 * earnedTrophies}).
 */
public record TrophyCounts(int bronze, int silver, int gold, int platinum) {

  /** No trophies. */
  public static final TrophyCounts NONE = new TrophyCounts(0, 0, 0, 0);

  public TrophyCounts {
    if (bronze < 0 || silver < 0 || gold < 0 || platinum < 0) {
      throw new IllegalArgumentException("trophy counts cannot be negative");
    }
  }

  /** All grades together. */
  public int total() {
    return bronze + silver + gold + platinum;
  }
}
