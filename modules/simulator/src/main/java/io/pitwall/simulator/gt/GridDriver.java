package io.pitwall.simulator.gt;

import java.time.Instant;

/** A driver as gtgridstats knows them (by PSN id). Guarded by {@link GtWorld}. */
public final class GridDriver {

  final String psnId;
  final String nickname;
  final String guid;
  final String countryCode;
  String dr;
  String sr;
  long drPoints;
  int totalRaces;
  int victories;
  Instant lastSync;
  boolean indexed;

  GridDriver(
      String psnId,
      String nickname,
      String guid,
      String countryCode,
      String dr,
      String sr,
      long drPoints,
      Instant lastSync,
      boolean indexed) {
    this.psnId = psnId;
    this.nickname = nickname;
    this.guid = guid;
    this.countryCode = countryCode;
    this.dr = dr;
    this.sr = sr;
    this.drPoints = drPoints;
    this.lastSync = lastSync;
    this.indexed = indexed;
  }

  public String psnId() {
    return psnId;
  }
}
