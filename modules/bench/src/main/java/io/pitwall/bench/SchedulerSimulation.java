package io.pitwall.bench;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.simulator.psn.activity.BurstyPsnActivity;
import io.pitwall.simulator.psn.activity.BurstyPsnActivity.PlannedEarn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler alone on a virtual clock: the real {@link PollScheduler} and {@link TokenBucket},
 * fed by the bursty activity plan, with PSN's request costs modelled (one request per poll, one
 * more per title that changed since the last poll) instead of served by the simulator, and
 * detection taken at the poll's completion instead of read from Kafka. A virtual day runs in
 * seconds, so settings can be explored before the end-to-end benchmark confirms them.
 */
final class SchedulerSimulation {

  /** What one simulated scheduler achieved in the window. */
  record Outcome(
      String mode,
      int changes,
      Duration p50,
      Duration p99,
      int requests,
      int polls,
      double use,
      List<Tier> tiers) {}

  /** The budget and schedule settings simulated. */
  record Settings(
      int budgetRequests,
      Duration budgetPeriod,
      Duration minInterval,
      Duration maxInterval,
      double prior,
      Duration tick) {}

  /** Upper bounds (exclusive) of the activity tiers reported, in sessions per day. */
  static final double[] TIERS = {0.07, 0.15, 0.3, 0.6, 1.2, 2.5, Double.POSITIVE_INFINITY};

  /** What the accounts of one activity tier saw: latencies of their changes, polls spent. */
  record Tier(
      double sessionsPerDayBelow,
      int accounts,
      int changes,
      int polls,
      Duration p50,
      Duration p99) {}

  private final BurstyPsnActivity activity;
  private final int accounts;
  private final Settings settings;

  SchedulerSimulation(BurstyPsnActivity activity, int accounts, Settings settings) {
    this.activity = activity;
    this.accounts = accounts;
    this.settings = settings;
  }

  /** Each account's true activity, in sessions per day (proportional to its change rate). */
  double[] sessionsPerDay() {
    double[] rates = new double[accounts];
    for (int a = 0; a < accounts; a++) {
      rates[a] = activity.sessionsPerDay(a);
    }
    return rates;
  }

  /** Runs one scheduling mode from {@code start} to {@code end}, measuring in the window. */
  Outcome run(
      SchedulingMode mode, Instant start, Instant windowStart, Instant windowEnd, Instant end) {
    MutableClock clock = new MutableClock(start);
    TokenBucket bucket = new TokenBucket(clock, settings.budgetRequests(), settings.budgetPeriod());
    PollScheduler scheduler =
        new PollScheduler(mode, settings.minInterval(), settings.maxInterval(), settings.prior());
    scheduler.addCredential("psn", "psn/default", bucket, 1);
    List<List<PlannedEarn>> earns = byAccount();
    int[] seen = new int[accounts];
    boolean[] polled = new boolean[accounts];
    WatchKey[] keys = new WatchKey[accounts];
    for (int a = 0; a < accounts; a++) {
      keys[a] = WatchKey.parse("psn:account-" + a);
      scheduler.put(keys[a], null, null, null, start);
      List<PlannedEarn> mine = earns.get(a);
      while (seen[a] < mine.size() && mine.get(seen[a]).at().isBefore(start)) {
        seen[a]++;
      }
    }
    SimulationTally tally =
        new SimulationTally(windowStart, windowEnd, TIERS, this::tier, accounts);
    Deque<Pending> pending = new ArrayDeque<>();
    for (Instant now = start; now.isBefore(end); now = now.plus(settings.tick())) {
      clock.set(now);
      while (!pending.isEmpty()) {
        Pending p = pending.peek();
        while (p.tokensOwed > 0 && bucket.tryTake()) {
          p.tokensOwed--;
          tally.request(now);
        }
        if (p.tokensOwed > 0) {
          break;
        }
        pending.poll();
        int a = p.account;
        List<Instant> changes = new ArrayList<>();
        for (PlannedEarn e : p.found) {
          changes.add(e.at());
          tally.detected(e.at(), now, a);
        }
        List<Instant> history = List.of();
        if (!polled[a]) {
          polled[a] = true;
          history = titleUpdates(earns.get(a).subList(0, p.seenBefore + p.found.size()));
          changes = List.of();
        }
        scheduler.done(
            p.dispatch, List.of(PollScheduler.Report.ok(keys[a], changes, history)), now);
      }
      for (PollScheduler.Dispatch d : scheduler.next(now)) {
        int a = Integer.parseInt(d.watches().get(0).accountId().substring("account-".length()));
        List<PlannedEarn> mine = earns.get(a);
        List<PlannedEarn> found = new ArrayList<>();
        while (seen[a] < mine.size() && !mine.get(seen[a]).at().isAfter(now)) {
          found.add(mine.get(seen[a]++));
        }
        tally.poll(now, a);
        int before = seen[a] - found.size();
        pending.add(new Pending(d, a, found, before, 1 + changedTitles(found, before > 0)));
      }
    }
    for (int a = 0; a < accounts; a++) {
      earns.get(a).subList(seen[a], earns.get(a).size()).forEach(e -> tally.missed(e.at()));
    }
    return tally.outcome(
        mode.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        settings.budgetRequests(),
        settings.budgetPeriod());
  }

  /** The index of the tier an account's activity falls in. */
  private int tier(int a) {
    double r = activity.sessionsPerDay(a);
    for (int t = 0; t < TIERS.length; t++) {
      if (r < TIERS[t]) {
        return t;
      }
    }
    return TIERS.length - 1;
  }

  /**
   * Titles touched by these earns: each session that starts a new title touches one, and the first
   * earn continues the title last played unless it starts a new one.
   */
  private static int changedTitles(List<PlannedEarn> found, boolean playedBefore) {
    if (found.isEmpty()) {
      return 0;
    }
    int titles = (int) found.stream().filter(PlannedEarn::newTitle).count();
    return found.get(0).newTitle() || !playedBefore ? titles : titles + 1;
  }

  /** The last update of each title among earlier earns, as a first poll reveals them. */
  private static List<Instant> titleUpdates(List<PlannedEarn> earlier) {
    List<Instant> updates = new ArrayList<>();
    for (int i = 0; i < earlier.size(); i++) {
      boolean last = i + 1 == earlier.size() || earlier.get(i + 1).newTitle();
      if (last) {
        updates.add(earlier.get(i).at());
      }
    }
    return updates;
  }

  private List<List<PlannedEarn>> byAccount() {
    List<List<PlannedEarn>> earns = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      earns.add(new ArrayList<>());
    }
    activity.plan().forEach(e -> earns.get(e.account()).add(e));
    return earns;
  }

  private static final class Pending {
    final PollScheduler.Dispatch dispatch;
    final int account;
    final List<PlannedEarn> found;
    final int seenBefore;
    int tokensOwed;

    Pending(
        PollScheduler.Dispatch dispatch,
        int account,
        List<PlannedEarn> found,
        int seenBefore,
        int tokens) {
      this.dispatch = dispatch;
      this.account = account;
      this.found = found;
      this.seenBefore = seenBefore;
      this.tokensOwed = tokens;
    }
  }
}
