package io.pitwall.simulator.psn.activity;

import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.TitleDef;
import io.pitwall.simulator.psn.TitleProgress;
import io.pitwall.simulator.psn.TrophyDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Activity that looks like players: each account plays in sessions, earning trophies in a cluster
 * over an hour or two, then idles for days; how often an account plays is heavy-tailed (a few very
 * active accounts, many quiet ones). The whole plan is drawn up front from a seed, so the same seed
 * gives the same sessions and earn times, and {@link #applier} replays it identically into any
 * number of worlds generated alike (to compare two schedulers on the same activity).
 *
 * <p>Per account, sessions per day are Pareto-distributed, {@code minSessionsPerDay × U^(-1 /
 * tailIndex)} capped at {@code maxSessionsPerDay}, and sessions start as a Poisson process at that
 * rate. A session lasts between {@code minSession} and {@code maxSession}, earns a Poisson number
 * of trophies at {@code trophiesPerHour} (at least one) at uniform times within it, and plays the
 * title last played, or a new one with probability {@code newTitleChance} (or when the title is
 * complete).
 */
public final class BurstyPsnActivity {

  /**
   * The model's parameters.
   *
   * @param tailIndex Pareto index of sessions per day (smaller: heavier tail)
   * @param minSessionsPerDay the quietest accounts' sessions per day
   * @param maxSessionsPerDay cap for the most active accounts
   * @param minSession shortest session
   * @param maxSession longest session
   * @param trophiesPerHour earn rate within a session
   * @param newTitleChance chance that a session starts a title not played before
   */
  public record Parameters(
      double tailIndex,
      double minSessionsPerDay,
      double maxSessionsPerDay,
      Duration minSession,
      Duration maxSession,
      double trophiesPerHour,
      double newTitleChance) {

    /** Defaults: index 1.2, 0.05 to 4 sessions a day, sessions of 1 to 2 hours, 3 trophies/h. */
    public static Parameters defaults() {
      return new Parameters(1.2, 0.05, 4, Duration.ofHours(1), Duration.ofHours(2), 3.0, 0.2);
    }
  }

  /** One planned earn: the account (generated index) earns a trophy at {@code at}. */
  public record PlannedEarn(Instant at, int account, boolean newTitle) {}

  private final long seed;
  private final List<PlannedEarn> plan;
  private final double[] sessionsPerDay;

  /**
   * Plans the activity of {@code accounts} generated accounts between {@code from} and {@code to}.
   */
  public BurstyPsnActivity(long seed, int accounts, Parameters p, Instant from, Instant to) {
    this.seed = seed;
    Random random = new Random(seed);
    this.sessionsPerDay = new double[accounts];
    List<PlannedEarn> earns = new ArrayList<>();
    double days = Duration.between(from, to).toSeconds() / 86_400.0;
    for (int a = 0; a < accounts; a++) {
      double u = 1 - random.nextDouble();
      double rate =
          Math.min(p.maxSessionsPerDay(), p.minSessionsPerDay() * Math.pow(u, -1 / p.tailIndex()));
      sessionsPerDay[a] = rate;
      double t = exponential(random, rate);
      while (t < days) {
        Instant start = from.plusSeconds((long) (t * 86_400));
        long length =
            p.minSession().toSeconds()
                + (long)
                    (random.nextDouble()
                        * (p.maxSession().toSeconds() - p.minSession().toSeconds()));
        int trophies = Math.max(1, poisson(random, p.trophiesPerHour() * length / 3600.0));
        List<Instant> times = new ArrayList<>();
        for (int k = 0; k < trophies; k++) {
          times.add(start.plusSeconds((long) (random.nextDouble() * length)));
        }
        times.sort(Comparator.naturalOrder());
        boolean newTitle = random.nextDouble() < p.newTitleChance();
        for (int k = 0; k < times.size(); k++) {
          if (times.get(k).isBefore(to)) {
            earns.add(new PlannedEarn(times.get(k), a, newTitle && k == 0));
          }
        }
        t += length / 86_400.0 + exponential(random, rate);
      }
    }
    earns.sort(Comparator.comparing(PlannedEarn::at).thenComparingInt(PlannedEarn::account));
    this.plan = List.copyOf(earns);
  }

  /** Every planned earn, in time order. */
  public List<PlannedEarn> plan() {
    return plan;
  }

  /** The sessions per day drawn for an account. */
  public double sessionsPerDay(int account) {
    return sessionsPerDay[account];
  }

  /** A replayer of the plan into one world; appliers of identical worlds make identical changes. */
  public Applier applier(PsnWorld world) {
    return new Applier(world, new Random(seed * 31 + 7));
  }

  /** Replays the plan into one world, up to a moving instant. Not thread-safe. */
  public final class Applier {
    private final PsnWorld world;
    private final Random random;
    private final List<TitleDef> catalog;
    private int next;

    private Applier(PsnWorld world, Random random) {
      this.world = world;
      this.random = random;
      this.catalog =
          world.titles().stream()
              .sorted(Comparator.comparing(TitleDef::npCommunicationId))
              .toList();
    }

    /** Applies every planned earn due at or before {@code now}; returns how many trophies. */
    public int applyUntil(Instant now) {
      int earned = 0;
      synchronized (world) {
        while (next < plan.size() && !plan.get(next).at().isAfter(now)) {
          PlannedEarn e = plan.get(next++);
          if (earn(PsnWorldGenerator.accountId(e.account()), e.newTitle(), e.at())) {
            earned++;
          }
        }
      }
      return earned;
    }

    /** Whether the whole plan has been applied. */
    public boolean done() {
      return next >= plan.size();
    }

    private boolean earn(String accountId, boolean newTitle, Instant at) {
      List<Map.Entry<TitleDef, TitleProgress>> played = world.titlesOf(accountId, true);
      TitleDef title = null;
      if (!newTitle) {
        title =
            played.stream()
                .filter(e -> open(e.getKey(), e.getValue()) > 0)
                .findFirst()
                .map(Map.Entry::getKey)
                .orElse(null);
      }
      if (title == null) {
        for (int attempt = 0; attempt < 20 && title == null; attempt++) {
          TitleDef candidate = catalog.get(random.nextInt(catalog.size()));
          if (open(candidate, world.progressOf(accountId, candidate.npCommunicationId())) > 0) {
            title = candidate;
          }
        }
        if (title == null) {
          return false;
        }
      }
      TitleProgress progress = world.progressOf(accountId, title.npCommunicationId());
      List<TrophyDef> open =
          title.trophies().stream()
              .filter(t -> progress == null || progress.earnedAt(t.id()) == null)
              .toList();
      TrophyDef trophy = open.get(random.nextInt(open.size()));
      return world.earn(accountId, title.npCommunicationId(), trophy.id(), at);
    }

    private static long open(TitleDef title, TitleProgress progress) {
      return title.trophies().stream()
          .filter(t -> progress == null || progress.earnedAt(t.id()) == null)
          .count();
    }
  }

  private static double exponential(Random random, double ratePerDay) {
    return -Math.log(1 - random.nextDouble()) / ratePerDay;
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double product = random.nextDouble();
    while (product > l) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }
}
