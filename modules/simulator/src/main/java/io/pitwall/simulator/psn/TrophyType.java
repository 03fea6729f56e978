package io.pitwall.simulator.psn;

import java.util.Locale;

/** Trophy grades with the point values the PSN doc gives (used for levels and progress). */
public enum TrophyType {
  BRONZE(15),
  SILVER(30),
  GOLD(90),
  PLATINUM(300);

  private final int points;

  TrophyType(int points) {
    this.points = points;
  }

  /** Points a trophy of this grade is worth. */
  public int points() {
    return points;
  }

  /** The lower-case name used on the wire. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the wire name. */
  public static TrophyType fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
