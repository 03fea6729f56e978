package io.pitwall.simulator.psn.activity;

import io.pitwall.simulator.psn.Account;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TitleDef;
import io.pitwall.simulator.psn.TitleProgress;
import io.pitwall.simulator.psn.TrophyDef;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's activity model: on each tick, each account earns a trophy with a given probability,
 * usually in a title it is already playing, sometimes in a title it starts. Deterministic for a
 * seed and a sequence of ticks.
 */
public final class RandomPsnActivity {

  private final PsnWorld world;
  private final Clock clock;
  private final Random random;
  private final double earnProbabilityPerTick;

  /**
   * @param world the world to change
   * @param clock earn times come from it
   * @param seed the random seed
   * @param earnProbabilityPerTick chance that a given account earns a trophy on a tick
   */
  public RandomPsnActivity(PsnWorld world, Clock clock, long seed, double earnProbabilityPerTick) {
    this.world = world;
    this.clock = clock;
    this.random = new Random(seed);
    this.earnProbabilityPerTick = earnProbabilityPerTick;
  }

  /** One tick: returns how many trophies were earned. */
  public int tick() {
    int earned = 0;
    synchronized (world) {
      for (Account account : world.accounts()) {
        if (random.nextDouble() < earnProbabilityPerTick && earnOne(account)) {
          earned++;
        }
      }
    }
    return earned;
  }

  private boolean earnOne(Account account) {
    List<Map.Entry<TitleDef, TitleProgress>> playing = world.titlesOf(account.accountId(), true);
    TitleDef title;
    if (playing.isEmpty() || random.nextInt(10) == 0) {
      List<TitleDef> catalog = List.copyOf(world.titles());
      title = catalog.get(random.nextInt(catalog.size()));
    } else {
      // mostly the title played most recently, as players do
      title = playing.get(Math.min(playing.size() - 1, random.nextInt(3))).getKey();
    }
    TitleProgress progress = world.progressOf(account.accountId(), title.npCommunicationId());
    List<TrophyDef> open =
        title.trophies().stream()
            .filter(t -> progress == null || progress.earnedAt(t.id()) == null)
            .toList();
    if (open.isEmpty()) {
      return false;
    }
    TrophyDef trophy = open.get(random.nextInt(open.size()));
    return world.earn(account.accountId(), title.npCommunicationId(), trophy.id(), clock.instant());
  }
}
