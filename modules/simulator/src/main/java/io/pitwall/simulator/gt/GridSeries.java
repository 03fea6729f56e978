package io.pitwall.simulator.gt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A gtgridstats series and its drivers' rounds. Guarded by {@link GtWorld}. */
public final class GridSeries {

  /**
   * One round result.
   *
   * @param points points scored
   * @param counted counts towards the season
   */
  public record Round(int points, boolean counted) {}

  final String id;
  final String type;
  final Map<String, Map<Integer, Round>> rounds = new LinkedHashMap<>();

  GridSeries(String id, String type) {
    this.id = id;
    this.type = type;
  }

  Map<Integer, Round> roundsOf(String psnId) {
    return rounds.computeIfAbsent(psnId, k -> new TreeMap<>());
  }

  int total(String psnId) {
    return roundsOf(psnId).values().stream().filter(Round::counted).mapToInt(Round::points).sum();
  }

  /** 1 + drivers with more counted points. */
  int rank(String psnId) {
    int mine = total(psnId);
    return 1 + (int) rounds.keySet().stream().filter(p -> total(p) > mine).count();
  }

  List<String> drivers() {
    return List.copyOf(rounds.keySet());
  }
}
