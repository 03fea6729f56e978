package io.pitwall.source.psn.diff;

import java.time.Instant;

final class PsnFixtures {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private PsnFixtures() {}

  static TitleEntry entry(String id, long minutes, int earned) {
    return new TitleEntry(
        id,
        "trophy2",
        "01.00",
        "Title " + id,
        null,
        null,
        "PS5",
        false,
        T0.plusSeconds(minutes * 60),
        new TrophyCounts(earned, 0, 0, 0),
        false);
  }

  static EarnedTrophy earned(int id, long minutes) {
    return new EarnedTrophy(id, T0.plusSeconds(minutes * 60), 3, 50.0);
  }
}
