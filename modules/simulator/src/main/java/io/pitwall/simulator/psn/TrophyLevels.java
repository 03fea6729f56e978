package io.pitwall.simulator.psn;

/**
 * The trophy level curve introduced in 2020: points per level by band, tiers of 100 levels (the
 * doc's tier table), level 999 as the cap. Level 1 starts at 0 points.
 */
final class TrophyLevels {

  /** Points needed per level within each band of 100 levels (1-99, 100-199, ...). */
  private static final int[] POINTS_PER_LEVEL = {
    60, 90, 450, 900, 1350, 1800, 2250, 2700, 3150, 3600
  };

  private TrophyLevels() {}

  /** Points needed to reach {@code level}. */
  static long basePoints(int level) {
    long points = 0;
    for (int l = 1; l < level; l++) {
      points += POINTS_PER_LEVEL[Math.min(l / 100, POINTS_PER_LEVEL.length - 1)];
    }
    return points;
  }

  /** The level reached with {@code points}. */
  static int level(long points) {
    int level = 1;
    while (level < 999 && basePoints(level + 1) <= points) {
      level++;
    }
    return level;
  }

  /** Tier 1-10 as in the doc's table. */
  static int tier(int level) {
    if (level >= 999) {
      return 10;
    }
    if (level >= 800) {
      return 9;
    }
    return level / 100 + 1;
  }
}
