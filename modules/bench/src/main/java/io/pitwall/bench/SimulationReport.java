package io.pitwall.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Prints what {@code bench --simulate} found: each scheduler's figures, where the latency goes by
 * activity tier, the {@link LatencyBound} for the same budget, and a summary line.
 */
final class SimulationReport {

  private final Duration window;

  SimulationReport(Duration window) {
    this.window = window;
  }

  /** Prints the adaptive outcome (first) against round-robin (second). */
  void print(List<SchedulerSimulation.Outcome> outcomes, LatencyBound bound) {
    SchedulerSimulation.Outcome adaptive = outcomes.get(0);
    SchedulerSimulation.Outcome roundRobin = outcomes.get(1);
    double days = window.toSeconds() / 86_400.0;
    System.out.println();
    System.out.println(
        "| scheduler (simulated) | changes in window | p50 latency | p99 latency | requests | polls | budget use |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (SchedulerSimulation.Outcome o : outcomes) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %s | %s | %d | %d | %.1f %% |%n",
          o.mode(),
          o.changes(),
          SchedulingReport.human(o.p50()),
          SchedulingReport.human(o.p99()),
          o.requests(),
          o.polls(),
          100 * o.use());
    }
    System.out.println();
    System.out.println(
        "| sessions/day below | accounts | changes | adaptive polls/account/day | adaptive p50 | adaptive p99 | round-robin polls/account/day | round-robin p50 | round-robin p99 |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (int t = 0; t < adaptive.tiers().size(); t++) {
      SchedulerSimulation.Tier a = adaptive.tiers().get(t);
      SchedulerSimulation.Tier r = roundRobin.tiers().get(t);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %.1f | %s | %s | %.1f | %s | %s |%n",
          Double.isInfinite(a.sessionsPerDayBelow())
              ? "max"
              : String.format(Locale.ROOT, "%.2f", a.sessionsPerDayBelow()),
          a.accounts(),
          a.changes(),
          a.polls() / (days * Math.max(1, a.accounts())),
          latency(a.p50()),
          latency(a.p99()),
          r.polls() / (days * Math.max(1, r.accounts())),
          latency(r.p50()),
          latency(r.p99()));
    }
    double pollsPerHour = roundRobin.polls() / (days * 24);
    double p99Hours = roundRobin.p99().toSeconds() / 3600.0;
    double best = bound.bestMedianHours(pollsPerHour, p99Hours);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "bound: at %.0f polls/h, a scheduler that knew every account's true rate and polled each at"
            + " a fixed interval could at best reach p50 %s (%.2f x round-robin) with p99 no later"
            + " than round-robin's %s%n",
        pollsPerHour,
        Double.isNaN(best)
            ? "n/a"
            : SchedulingReport.human(Duration.ofSeconds(Math.round(best * 3600))),
        best * 3600 / roundRobin.p50().toSeconds(),
        SchedulingReport.human(roundRobin.p99()));
    System.out.printf(
        Locale.ROOT,
        "simulated scheduling: p50-vs-round-robin=%s p99-vs-round-robin=%s budget-use=%.3f%n",
        SchedulingReport.ratio(adaptive.p50(), roundRobin.p50()),
        SchedulingReport.ratio(adaptive.p99(), roundRobin.p99()),
        adaptive.use());
  }

  private static String latency(Duration d) {
    return d == null ? "-" : SchedulingReport.human(d);
  }
}
