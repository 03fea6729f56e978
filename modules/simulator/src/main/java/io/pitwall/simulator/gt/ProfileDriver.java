package io.pitwall.simulator.gt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A GT Sport profile (by user_no). Guarded by {@link GtWorld}. */
public final class ProfileDriver {

  final String userNo;
  final String onlineId;
  final String country;
  final String profilePhotoId;
  final String driverPhotoId;
  int driverClass;
  long driverPoint;
  int mannerPoint;
  int raceCount;
  int manufacturerId = 17;
  final Map<String, List<Long>> drHistory = new TreeMap<>();
  final List<Map<String, String>> sportStats = new ArrayList<>();

  ProfileDriver(
      String userNo,
      String onlineId,
      String country,
      String profilePhotoId,
      String driverPhotoId,
      int driverClass,
      long driverPoint,
      int mannerPoint) {
    this.userNo = userNo;
    this.onlineId = onlineId;
    this.country = country;
    this.profilePhotoId = profilePhotoId;
    this.driverPhotoId = driverPhotoId;
    this.driverClass = driverClass;
    this.driverPoint = driverPoint;
    this.mannerPoint = mannerPoint;
  }

  public String userNo() {
    return userNo;
  }
}
