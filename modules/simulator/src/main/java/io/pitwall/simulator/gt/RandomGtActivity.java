package io.pitwall.simulator.gt;

import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * The demo's GT activity: on each tick drivers race (DR points drift by race results, crossing
 * class boundaries now and then; Safety Rating moves sometimes), and every few ticks each series
 * holds a new round; now and then an earlier round's counted flag flips. Deterministic for a seed.
 */
public final class RandomGtActivity {

  /** Lowest DR points of each class letter, GT Sport style. */
  private static final long[] DR_FLOOR = {0, 2_000, 4_000, 10_000, 30_000, 50_000};

  private static final String[] DR_LETTER = {"E", "D", "C", "B", "A", "A+"};
  private static final String[] SR_LETTER = {"E", "D", "C", "B", "A", "S"};

  private final GtWorld world;
  private final Clock clock;
  private final Random random;
  private final int roundEvery;
  private int ticks;

  /**
   * @param world the world to change
   * @param clock times of the changes
   * @param seed the random seed
   * @param roundEvery a new series round every this many ticks
   */
  public RandomGtActivity(GtWorld world, Clock clock, long seed, int roundEvery) {
    this.world = world;
    this.clock = clock;
    this.random = new Random(seed);
    this.roundEvery = roundEvery;
  }

  /** One tick. */
  public void tick() {
    ticks++;
    synchronized (world) {
      for (GridDriver d : world.gridDrivers()) {
        if (random.nextInt(3) == 0) {
          long points = Math.max(0, d.drPoints + random.nextInt(1_200) - 600);
          String sr =
              random.nextInt(6) == 0
                  ? SR_LETTER[
                      Math.max(
                          0, Math.min(5, index(SR_LETTER, d.sr) + (random.nextBoolean() ? 1 : -1)))]
                  : d.sr;
          world.setGridRatings(d.psnId, DR_LETTER[drClass(points)], points, sr, clock.instant());
        }
      }
      for (ProfileDriver p : world.profiles()) {
        if (random.nextInt(3) == 0) {
          long points = Math.max(0, p.driverPoint + random.nextInt(1_200) - 600);
          int manner = Math.max(0, Math.min(99, p.mannerPoint + random.nextInt(21) - 10));
          String drBefore = DR_LETTER[drClass(p.driverPoint)];
          String srBefore = srLetter(p.mannerPoint);
          world.setProfileRatings(
              p.userNo,
              drClass(points) + 1,
              points,
              manner,
              drBefore,
              DR_LETTER[drClass(points)],
              srBefore,
              srLetter(manner),
              clock.instant());
        }
      }
      if (ticks % roundEvery == 0) {
        for (GridSeries series : world.allSeries()) {
          List<String> drivers = series.drivers();
          for (String psn : drivers) {
            int next = series.roundsOf(psn).size() + 1;
            world.setRound(series.id, psn, next, 10 + random.nextInt(110), true, clock.instant());
            if (next > 2 && random.nextInt(3) == 0) {
              int flip = 1 + random.nextInt(next - 1);
              GridSeries.Round round = series.roundsOf(psn).get(flip);
              world.setRound(
                  series.id, psn, flip, round.points(), !round.counted(), clock.instant());
            }
          }
        }
      }
    }
  }

  private static int drClass(long points) {
    int i = DR_FLOOR.length - 1;
    while (points < DR_FLOOR[i]) {
      i--;
    }
    return i;
  }

  private static String srLetter(int manner) {
    return manner >= 80
        ? "S"
        : manner >= 65 ? "A" : manner >= 40 ? "B" : manner >= 20 ? "C" : manner >= 10 ? "D" : "E";
  }

  private static int index(String[] letters, String letter) {
    for (int i = 0; i < letters.length; i++) {
      if (letters[i].equals(letter)) {
        return i;
      }
    }
    return 0;
  }
}
