package io.pitwall.bench;

import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.psn.TrophyEarnedFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the runs of the scheduling benchmark into figures: detection latency percentiles against
 * the simulator's ground truth, requests against the minimum and a full walk, budget use, 429s;
 * then the table and the summary line other tools read (printed only for a run that kept up with
 * its clock: {@link RunValidity}).
 */
final class SchedulingReport {

  private final int budget;
  private final Duration budgetPeriod;
  private final Duration window;

  SchedulingReport(int budget, Duration budgetPeriod, Duration window) {
    this.budget = budget;
    this.budgetPeriod = budgetPeriod;
    this.window = window;
  }

  /** What one scheduler achieved in the window. */
  record Result(
      String mode,
      int changes,
      int detected,
      Duration p50,
      Duration p99,
      int requests,
      int polls,
      int changedTitles,
      long fullWalk,
      double budgetUse,
      int rateLimited,
      int duplicates) {}

  /** What one run achieved between {@code from} and {@code to}. */
  Result result(SchedulerRun run, Instant from, Instant to) {
    List<Duration> latencies = new ArrayList<>();
    int missing = 0;
    Map<String, Instant> detected = run.detected();
    for (TrophyEarnedFact fact : run.world.groundTruth()) {
      if (fact.earnedAt().isBefore(from) || !fact.earnedAt().isBefore(to)) {
        continue;
      }
      Instant at =
          detected.get(
              SchedulerRun.key(fact.accountId(), fact.npCommunicationId(), fact.trophyId()));
      if (at == null) {
        missing++;
      } else {
        latencies.add(Duration.between(fact.earnedAt(), at));
      }
    }
    Percentiles percentiles = new Percentiles(latencies, missing);
    int requests = 0;
    int polls = 0;
    int changedTitles = 0;
    long fullWalk = 0;
    int rateLimited = 0;
    for (RequestLog.Entry e : run.requests()) {
      if (!e.upstream().equals("psn") || e.at().isBefore(from) || !e.at().isBefore(to)) {
        continue;
      }
      requests++;
      if (e.status() == 429) {
        rateLimited++;
      }
      String path = e.path();
      if (path.endsWith("/trophyTitles") && !path.contains("/titles/") && firstPage(e.query())) {
        polls++;
        String account = path.replaceAll(".*/users/([^/]+)/trophyTitles", "$1");
        fullWalk += 1 + run.world.titlesOf(account, true).size();
      } else if (path.contains("/users/") && path.endsWith("/trophies")) {
        changedTitles++;
      }
    }
    double budgetUse = requests / (budget * (double) window.toSeconds() / budgetPeriod.toSeconds());
    return new Result(
        run.mode,
        percentiles.count(),
        latencies.size(),
        percentiles.at(50),
        percentiles.at(99),
        requests,
        polls,
        changedTitles,
        fullWalk,
        budgetUse,
        rateLimited,
        run.duplicates());
  }

  private static boolean firstPage(String query) {
    return query == null || !query.matches(".*\\boffset=[1-9].*");
  }

  /** Prints the table; the adaptive run first, round-robin second. */
  void printTable(List<Result> results) {
    System.out.println();
    System.out.println(
        "| scheduler | changes in window | detected | p50 latency | p99 latency | requests | budget use | 429s | duplicates | requests/change | minimum/change | full walk/change |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %s | %s | %d | %.1f %% | %d | %d | %.2f | %.2f | %.2f |%n",
          r.mode(),
          r.changes(),
          r.detected(),
          human(r.p50()),
          human(r.p99()),
          r.requests(),
          100 * r.budgetUse(),
          r.rateLimited(),
          r.duplicates(),
          perChange(r.requests(), r.detected()),
          perChange(r.polls() + r.changedTitles(), r.detected()),
          perChange(r.fullWalk(), r.detected()));
    }
  }

  /**
   * The summary line other tools read, the verdict of the run: the adaptive run first, round-robin
   * second.
   */
  static String summary(List<Result> results) {
    Result adaptive = results.get(0);
    Result roundRobin = results.get(1);
    double vsMin = (double) adaptive.requests() / (adaptive.polls() + adaptive.changedTitles());
    return String.format(
        Locale.ROOT,
        "scheduling: requests-per-change-vs-min=%.2f p50-vs-round-robin=%s p99-vs-round-robin=%s"
            + " budget-use=%.3f 429s=%d",
        vsMin,
        ratio(adaptive.p50(), roundRobin.p50()),
        ratio(adaptive.p99(), roundRobin.p99()),
        adaptive.budgetUse(),
        adaptive.rateLimited());
  }

  /** Prints how far each engine fell behind the clock (virtual time, wall time in brackets). */
  static void printLag(List<EngineLag> lags, Lag activity, double compression) {
    System.out.println();
    System.out.println(
        "| scheduler | ticks late p99 | ticks late max | budget use | simulator requests p99 | broker p99 | poll-to-read p99 | poll-to-read max |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (EngineLag l : lags) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %.1f %% | %s | %s | %s | %s |%n",
          l.mode(),
          Lag.show(l.ticks().p99(), compression),
          Lag.show(l.ticks().max(), compression),
          100 * l.budgetUse(),
          Lag.show(l.simulator().p99(), compression),
          Lag.show(l.broker().p99(), compression),
          Lag.show(l.pollToRead().p99(), compression),
          Lag.show(l.pollToRead().max(), compression));
    }
    System.out.printf(
        Locale.ROOT,
        "Activity fed to the simulators every %s at the 99th percentile, at most %s.%n",
        Lag.show(activity.p99(), compression),
        Lag.show(activity.max(), compression));
  }

  static String ratio(Duration a, Duration b) {
    if (a == null || b == null || b.isZero()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", (double) a.toMillis() / b.toMillis());
  }

  private static double perChange(long requests, int changes) {
    return changes == 0 ? Double.NaN : (double) requests / changes;
  }

  static String human(Duration d) {
    if (d == null) {
      return "undetected";
    }
    long minutes = d.toMinutes();
    return minutes >= 60
        ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
        : String.format(Locale.ROOT, "%d min %02d s", minutes, d.toSecondsPart());
  }
}
