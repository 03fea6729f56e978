package io.pitwall.gt;

import java.util.List;

/**
 * A driver's standing in one series, as one poll saw it.
 *
 * @param seriesId series id
 * @param seriesType e.g. Nations Cup, or null
 * @param seasonRank season rank, or null
 * @param totalPoints season points, or null
 * @param rounds every round with a result
 */
public record SeriesStanding(
    String seriesId,
    String seriesType,
    Integer seasonRank,
    Double totalPoints,
    List<Round> rounds) {

  public SeriesStanding {
    rounds = List.copyOf(rounds);
  }

  /**
   * One round's result.
   *
   * @param number round number
   * @param points points scored
   * @param counted whether it counts towards the season
   */
  public record Round(int number, double points, boolean counted) {}
}
