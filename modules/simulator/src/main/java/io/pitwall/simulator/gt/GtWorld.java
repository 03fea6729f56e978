package io.pitwall.simulator.gt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the GT simulator knows: GT Sport profiles (by user_no), gtgridstats drivers (by PSN
 * id) and series, the catalog, and a ground-truth log of every rating and round change. All access
 * is synchronized on this object.
 */
public final class GtWorld {

  private final Map<String, ProfileDriver> profiles = new LinkedHashMap<>();
  private final Map<String, GridDriver> grid = new LinkedHashMap<>();
  private final Map<String, GridSeries> series = new LinkedHashMap<>();
  private final List<GtFact> groundTruth = new ArrayList<>();
  private int quotaExhaustions;
  final GtCatalog catalog = GtCatalog.sample();
  private final GtFaults faults = new GtFaults();

  /** The faults and knobs tests turn at run time. */
  public GtFaults faults() {
    return faults;
  }

  /** Adds a GT Sport profile. */
  public synchronized void addProfile(
      String userNo,
      String onlineId,
      String country,
      String profilePhotoId,
      String driverPhotoId,
      int driverClass,
      long driverPoint,
      int mannerPoint) {
    profiles.put(
        userNo,
        new ProfileDriver(
            userNo,
            onlineId,
            country,
            profilePhotoId,
            driverPhotoId,
            driverClass,
            driverPoint,
            mannerPoint));
  }

  /** Records a month of DR history points for a profile ({@code yyyy-MM}). */
  public synchronized void addDrHistory(String userNo, String yearMonth, List<Long> points) {
    profiles.get(userNo).drHistory.put(yearMonth, List.copyOf(points));
  }

  /** Adds one Sport Mode stats row for a profile (all values as the API's strings). */
  public synchronized void addSportStats(String userNo, Map<String, String> row) {
    profiles.get(userNo).sportStats.add(new LinkedHashMap<>(row));
  }

  /** Adds a gtgridstats driver; an unindexed one costs the stagger delay on its first lookup. */
  public synchronized void addGridDriver(
      String psnId,
      String nickname,
      String dr,
      String sr,
      long drPoints,
      boolean indexed,
      Instant at) {
    grid.put(
        psnId,
        new GridDriver(
            psnId,
            nickname,
            java.util.UUID.nameUUIDFromBytes(psnId.getBytes()).toString(),
            "GB",
            dr,
            sr,
            drPoints,
            at,
            indexed));
  }

  /** Adds a series. */
  public synchronized void addSeries(String id, String type) {
    series.put(id, new GridSeries(id, type));
  }

  /** A GT Sport profile's ratings change (driver_class, driver_point, manner_point). */
  public synchronized void setProfileRatings(
      String userNo,
      int driverClass,
      long driverPoint,
      int mannerPoint,
      String drBefore,
      String drAfter,
      String srBefore,
      String srAfter,
      Instant at) {
    ProfileDriver d = profiles.get(userNo);
    d.driverClass = driverClass;
    d.driverPoint = driverPoint;
    d.mannerPoint = mannerPoint;
    d.raceCount++;
    if (!drBefore.equals(drAfter)) {
      groundTruth.add(new GtFact("gt", userNo, "dr", drBefore, drAfter, at));
    }
    if (!srBefore.equals(srAfter)) {
      groundTruth.add(new GtFact("gt", userNo, "sr", srBefore, srAfter, at));
    }
  }

  /** A gtgridstats driver's ratings change. */
  public synchronized void setGridRatings(
      String psnId, String dr, long drPoints, String sr, Instant at) {
    GridDriver d = grid.get(psnId);
    if (!d.dr.equals(dr)) {
      groundTruth.add(new GtFact("gridstats", psnId, "dr", d.dr, dr, at));
    }
    if (!d.sr.equals(sr)) {
      groundTruth.add(new GtFact("gridstats", psnId, "sr", d.sr, sr, at));
    }
    d.dr = dr;
    d.sr = sr;
    d.drPoints = drPoints;
    d.totalRaces++;
    d.lastSync = at;
  }

  /** A driver's round result appears or changes. */
  public synchronized void setRound(
      String seriesId, String psnId, int round, int points, boolean counted, Instant at) {
    Map<Integer, GridSeries.Round> rounds = series.get(seriesId).roundsOf(psnId);
    GridSeries.Round before = rounds.get(round);
    GridSeries.Round after = new GridSeries.Round(points, counted);
    if (!after.equals(before)) {
      rounds.put(round, after);
      groundTruth.add(
          new GtFact(
              "gridstats",
              psnId,
              "round:" + seriesId + ":" + round,
              before == null ? null : before.points() + "/" + before.counted(),
              points + "/" + counted,
              at));
    }
  }

  public synchronized ProfileDriver profile(String userNo) {
    return profiles.get(userNo);
  }

  public synchronized GridDriver gridDriver(String psnId) {
    return grid.get(psnId);
  }

  public synchronized GridSeries series(String id) {
    return series.get(id);
  }

  public synchronized List<GridDriver> gridDrivers() {
    return List.copyOf(grid.values());
  }

  public synchronized List<ProfileDriver> profiles() {
    return List.copyOf(profiles.values());
  }

  public synchronized List<GridSeries> allSeries() {
    return List.copyOf(series.values());
  }

  /**
   * The next metered gtgridstats request answers 429 as if the quota were spent (fault injection).
   */
  public synchronized void exhaustQuotaOnce() {
    quotaExhaustions++;
  }

  synchronized boolean takeQuotaExhaustion() {
    if (quotaExhaustions == 0) {
      return false;
    }
    quotaExhaustions--;
    return true;
  }

  /** Every change the simulator made, in order. */
  public synchronized List<GtFact> groundTruth() {
    return List.copyOf(groundTruth);
  }
}
