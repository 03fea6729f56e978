package io.pitwall.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Counts what happens inside the measurement window of one simulated scheduler: requests, polls and
 * detection latencies, overall and by the polled account's activity tier.
 */
final class SimulationTally {

  private final Instant windowStart;
  private final Instant windowEnd;
  private final double[] tierBounds;
  private final IntUnaryOperator tierOf;
  private final int[] tierAccounts;
  private final List<Duration> latencies = new ArrayList<>();
  private final List<List<Duration>> tierLatencies = new ArrayList<>();
  private final int[] tierPolls;
  private int missing;
  private int requests;
  private int polls;

  /**
   * @param tierBounds upper bounds (exclusive) of the tiers, in sessions per day
   * @param tierOf each account's tier index
   * @param accounts how many accounts there are
   */
  SimulationTally(
      Instant windowStart,
      Instant windowEnd,
      double[] tierBounds,
      IntUnaryOperator tierOf,
      int accounts) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.tierBounds = tierBounds;
    this.tierOf = tierOf;
    this.tierAccounts = new int[tierBounds.length];
    this.tierPolls = new int[tierBounds.length];
    for (int t = 0; t < tierBounds.length; t++) {
      tierLatencies.add(new ArrayList<>());
    }
    for (int a = 0; a < accounts; a++) {
      tierAccounts[tierOf.applyAsInt(a)]++;
    }
  }

  private boolean inWindow(Instant at) {
    return !at.isBefore(windowStart) && at.isBefore(windowEnd);
  }

  /** One upstream request was made. */
  void request(Instant now) {
    if (inWindow(now)) {
      requests++;
    }
  }

  /** An account was polled. */
  void poll(Instant now, int account) {
    if (inWindow(now)) {
      polls++;
      tierPolls[tierOf.applyAsInt(account)]++;
    }
  }

  /** A change made at {@code earnedAt} was detected at {@code now}. */
  void detected(Instant earnedAt, Instant now, int account) {
    if (inWindow(earnedAt)) {
      Duration latency = Duration.between(earnedAt, now);
      latencies.add(latency);
      tierLatencies.get(tierOf.applyAsInt(account)).add(latency);
    }
  }

  /** A change made at {@code earnedAt} was never detected. */
  void missed(Instant earnedAt) {
    if (inWindow(earnedAt)) {
      missing++;
    }
  }

  /** The figures, with budget use against {@code budgetRequests} per {@code budgetPeriod}. */
  SchedulerSimulation.Outcome outcome(String mode, int budgetRequests, Duration budgetPeriod) {
    List<SchedulerSimulation.Tier> tiers = new ArrayList<>();
    for (int t = 0; t < tierBounds.length; t++) {
      List<Duration> l = tierLatencies.get(t);
      Percentiles p = new Percentiles(l, 0);
      tiers.add(
          new SchedulerSimulation.Tier(
              tierBounds[t],
              tierAccounts[t],
              l.size(),
              tierPolls[t],
              l.isEmpty() ? null : p.at(50),
              l.isEmpty() ? null : p.at(99)));
    }
    Percentiles percentiles = new Percentiles(latencies, missing);
    double windows =
        (double) Duration.between(windowStart, windowEnd).toSeconds() / budgetPeriod.toSeconds();
    return new SchedulerSimulation.Outcome(
        mode,
        percentiles.count(),
        percentiles.at(50),
        percentiles.at(99),
        requests,
        polls,
        requests / (budgetRequests * windows),
        tiers);
  }
}
