package io.pitwall.chaos;

import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated upstreams of a run and the watches on them: PSN accounts (two of them are also the
 * engine's credential pool), gtgridstats drivers (some in a series) and GT Sport profiles, with
 * ratings near class boundaries so that classes change during the run. Drawn from the seed.
 */
final class ChaosWorld {

  static final String GRIDSTATS_KEY = "chaos-gridstats-key";
  static final String SERIES = "1564";

  private static final long[] DR_FLOOR = {0, 2_000, 4_000, 10_000, 30_000, 50_000};
  private static final String[] DR_LETTER = {"E", "D", "C", "B", "A", "A+"};
  private static final String[] SR_LETTER = {"E", "D", "C", "B", "A", "S"};

  final PsnWorld psn;
  final GtWorld gt;
  final List<String> watches = new ArrayList<>();

  private ChaosWorld(PsnWorld psn, GtWorld gt) {
    this.psn = psn;
    this.gt = gt;
  }

  /**
   * @param seed the seed
   * @param psnAccounts PSN watches (at least 2: the first two accounts are the credential pool)
   * @param gridDrivers gtgridstats watches
   * @param profiles GT Sport profile watches
   */
  static ChaosWorld generate(long seed, int psnAccounts, int gridDrivers, int profiles) {
    Instant now = Instant.now();
    Random random = new Random(seed ^ 0x5DEECE66DL);
    PsnWorld psn =
        PsnWorldGenerator.generate(seed, psnAccounts, Math.max(20, psnAccounts / 3), 4, now);
    ChaosWorld world = new ChaosWorld(psn, new GtWorld());
    for (int i = 0; i < psnAccounts; i++) {
      world.watches.add("psn:" + PsnWorldGenerator.accountId(i));
    }
    world.gt.addSeries(SERIES, "Nations Cup");
    for (int i = 0; i < gridDrivers; i++) {
      String id = "driver" + i;
      long points = nearBoundary(random);
      world.gt.addGridDriver(
          id, id, DR_LETTER[drClass(points)], SR_LETTER[random.nextInt(6)], points, true, now);
      if (i % 2 == 0) {
        world.gt.setRound(SERIES, id, 1, 10 + random.nextInt(110), true, now);
        world.watches.add("gridstats:" + id + " series=" + SERIES);
      } else {
        world.watches.add("gridstats:" + id);
      }
    }
    for (int i = 0; i < profiles; i++) {
      String userNo = Integer.toString(9_000_000 + i);
      long points = nearBoundary(random);
      world.gt.addProfile(
          userNo,
          "gtdriver" + i,
          "us",
          "8224232633225479708-0",
          "8295639381191197212-0",
          drClass(points) + 1,
          points,
          random.nextInt(100));
      world.watches.add("gt:" + userNo);
    }
    return world;
  }

  /** The npsso of the pool's default credential. */
  static String defaultNpsso() {
    return PsnWorldGenerator.npsso(0);
  }

  /** The npsso of the pool's second credential ({@code psn.npsso.alt}). */
  static String altNpsso() {
    return PsnWorldGenerator.npsso(1);
  }

  /** The account whose npsso is the second credential. */
  static String altAccount() {
    return PsnWorldGenerator.accountId(1);
  }

  private static long nearBoundary(Random random) {
    long floor = DR_FLOOR[1 + random.nextInt(DR_FLOOR.length - 1)];
    return Math.max(0, floor - 400 + random.nextInt(800));
  }

  private static int drClass(long points) {
    int i = DR_FLOOR.length - 1;
    while (points < DR_FLOOR[i]) {
      i--;
    }
    return i;
  }
}
