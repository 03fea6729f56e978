package io.pitwall.simulator.gt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The drivers, series and history the GT docs' examples show. */
final class GtTestWorld {

  static final String KEY = "gridstats-test-key";

  private GtTestWorld() {}

  static GtWorld docExamples() {
    GtWorld world = new GtWorld();
    Instant at = Instant.parse("2026-05-20T13:59:01Z");
    world.addProfile(
        "9568550",
        "xGranadier",
        "us",
        "8224232633225479708-0",
        "8295639381191197212-0",
        4,
        23630,
        99);
    world.addDrHistory("9568550", "2019-10", List.of(22510L, 21317L, 0L, 23630L));
    String[] row = {
      "index",
      "1",
      "race",
      "572",
      "win",
      "24",
      "top5",
      "169",
      "pole_position",
      "35",
      "rank_qualify",
      "4317",
      "rank_final",
      "4742",
      "rank_change",
      "425",
      "lap",
      "3132",
      "lead_lap",
      "115",
      "top_match",
      "0"
    };
    Map<String, String> stats = new java.util.LinkedHashMap<>();
    for (int i = 0; i < row.length; i += 2) {
      stats.put(row[i], row[i + 1]);
    }
    world.addSportStats("9568550", stats);
    world.addGridDriver("skino2024", "Skino", "B", "S", 11027, true, at);
    world.addGridDriver("SparksTheory", "Sparks", "A+", "S", 56101, true, at);
    world.addGridDriver("OFFICIAL_001", "AHR_REDACTED", "A+", "S", 63506, false, at);
    world.addSeries("1564", "Nations Cup");
    world.setRound("1564", "skino2024", 1, 120, true, at);
    return world;
  }
}
