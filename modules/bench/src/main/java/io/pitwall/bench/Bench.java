package io.pitwall.bench;

import ch.qos.logback.classic.Level;
import io.pitwall.core.schedule.SchedulingMode;
import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.runtime.KraftBroker;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.BurstyPsnActivity;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The scheduling benchmark: the adaptive scheduler (indexed), round-robin and the exact adaptive
 * scheduler ({@code adaptive-exact}, which the index is compared with), side by side in one run,
 * each a real engine polling its own simulator (identical worlds, identical bursty activity) at the
 * same budget and publishing to one real Kafka broker. Time is compressed: budget, activity and
 * schedule all run on one clock {@code --compression} times faster than the wall. Prints a table
 * and the summary line other tools read, with a {@code validity:} line of how far each engine fell
 * behind that clock; a run that fell behind further than {@link ValidityLimits} allow prints {@code
 * scheduling: INVALID} with what fell behind instead of the summary, and exits with {@link
 * RunValidity#INVALID_EXIT_CODE}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Scheduling benchmark: adaptive (indexed and exact) vs round-robin on bursty PSN activity.")
public final class Bench implements Callable<Integer> {

  @Option(names = "--accounts", defaultValue = "5000", description = "Watched PSN accounts.")
  int accounts;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of worlds and activity.")
  long seed;

  @Option(
      names = "--compression",
      defaultValue = "300",
      description = "How much faster than the wall the shared clock runs.")
  double compression;

  @Option(names = "--warmup", defaultValue = "PT12H", description = "Virtual warm-up.")
  Duration warmup;

  @Option(names = "--window", defaultValue = "PT24H", description = "Virtual measurement window.")
  Duration window;

  @Option(
      names = "--drain",
      defaultValue = "PT6H",
      description = "Virtual time after the window (no new activity) to detect its last changes.")
  Duration drain;

  @Option(names = "--budget", defaultValue = "300", description = "Requests per budget period.")
  int budget;

  @Option(names = "--budget-period", defaultValue = "PT15M", description = "Budget period.")
  Duration budgetPeriod;

  @Option(names = "--min-interval", defaultValue = "PT1M", description = "poll.interval.")
  Duration minInterval;

  @Option(names = "--max-interval", defaultValue = "PT6H", description = "poll.max.interval.")
  Duration maxInterval;

  @Option(
      names = "--prior",
      defaultValue = "12",
      description = "schedule.prior.changes: changes a week assumed for every watch.")
  double prior;

  @Option(
      names = "--tick",
      defaultValue = "PT0.02S",
      description = "Wall time between the engine's scheduling rounds.")
  Duration tick;

  @Option(
      names = "--tail-index",
      defaultValue = "1.2",
      description = "Pareto index of sessions per day per account (smaller: heavier tail).")
  double tailIndex;

  @Option(
      names = "--min-sessions",
      defaultValue = "0.05",
      description = "Sessions per day of the quietest accounts.")
  double minSessions;

  @Option(
      names = "--max-sessions",
      defaultValue = "4",
      description = "Sessions per day of the most active accounts.")
  double maxSessions;

  @Option(
      names = "--simulate",
      description =
          "Run the scheduler alone on a virtual clock (modelled request costs, no simulator or"
              + " Kafka): seconds instead of minutes, for exploring settings.")
  boolean simulate;

  /**
   * Runs the benchmark; {@code perf [parts]} runs the performance benchmarks instead ({@link
   * io.pitwall.bench.perf.Perf}).
   */
  public static void main(String[] args) throws Exception {
    for (String name :
        List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.pitwall", "org.apache.kafka")) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
    }
    if (args.length > 0 && args[0].equals("perf")) {
      io.pitwall.bench.perf.Perf.run(List.of(args).subList(1, args.length));
      System.exit(0);
    }
    int code = new CommandLine(new Bench()).execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant windowStart = t0.plus(warmup);
    Instant windowEnd = windowStart.plus(window);
    Instant end = windowEnd.plus(drain);
    System.out.printf(
        Locale.ROOT,
        "Scheduling benchmark: %d watched PSN accounts, bursty activity (seed %d), budget %d"
            + " requests per %s for each scheduler; time compressed %.0fx: the budget and the"
            + " activity are scaled together by running both on one clock (1 wall second = %.0f"
            + " virtual seconds).%n",
        accounts,
        seed,
        budget,
        budgetPeriod,
        compression,
        compression);
    BurstyPsnActivity activity =
        new BurstyPsnActivity(
            seed, accounts, parameters(), t0.minus(Duration.ofDays(14)), windowEnd);
    if (simulate) {
      return simulate(activity, t0, windowStart, windowEnd, end);
    }
    try (KraftBroker broker = KraftBroker.start();
        ApicurioRegistryProcess registry = ApicurioRegistryProcess.start()) {
      List<SchedulerRun> runs = new ArrayList<>();
      ScaledClock clock = new ScaledClock(t0, compression);
      try {
        // round-robin second: the summary line compares the first two
        for (String mode : List.of("adaptive", "round-robin", "adaptive-exact")) {
          PsnWorld world =
              PsnWorldGenerator.generate(seed, accounts, 400, 10, t0.minus(Duration.ofDays(60)));
          runs.add(
              new SchedulerRun(
                  new SchedulerRun.Settings(
                      mode,
                      accounts,
                      budget,
                      budgetPeriod,
                      minInterval,
                      maxInterval,
                      prior,
                      tick,
                      broker.bootstrapServers(),
                      registry.confluentApiUrl()),
                  world,
                  activity,
                  clock.instant(),
                  clock));
        }
        System.out.printf(
            Locale.ROOT,
            "Running %s virtual (%s warm-up, %s window, %s drain): about %d s of wall time.%n",
            Duration.between(t0, end),
            warmup,
            window,
            drain,
            clock.wall(Duration.between(clock.instant(), end)).toSeconds());
        LagLog activityFeed = new LagLog();
        List<RequestLatencies> atWindowStart = null;
        Instant fed = clock.instant();
        while (fed.isBefore(end)) {
          Instant now = clock.instant();
          runs.forEach(r -> r.applyActivity(now));
          // a change earned just after the previous round waits this long to appear upstream
          activityFeed.record(now, Duration.between(fed, now));
          fed = now;
          if (atWindowStart == null && !now.isBefore(windowStart)) {
            atWindowStart = runs.stream().map(SchedulerRun::requestLatencies).toList();
          }
          Thread.sleep(20);
        }
        SchedulingReport report = new SchedulingReport(budget, budgetPeriod, window);
        List<SchedulingReport.Result> results = new ArrayList<>();
        List<EngineLag> lags = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
          SchedulerRun run = runs.get(i);
          SchedulingReport.Result result = report.result(run, windowStart, windowEnd);
          results.add(result);
          // the lags of the window and the drain, in which the window's changes are detected
          lags.add(
              new EngineLag(
                  run.mode,
                  run.ticksLate(windowStart, end),
                  result.budgetUse(),
                  run.requestLatencies().since(atWindowStart.get(i), compression),
                  run.brokerLag(windowStart, end),
                  run.pollToReadLag(windowStart, end)));
        }
        report.printTable(results);
        Lag feedLag = activityFeed.between(windowStart, end);
        SchedulingReport.printLag(lags, feedLag, compression);
        RunValidity.Verdict verdict =
            new RunValidity(ValidityLimits.forBudget(budget, budgetPeriod), compression)
                .judge(lags, feedLag);
        System.out.println();
        if (!verdict.valid()) {
          System.out.println(verdict.line());
          return RunValidity.INVALID_EXIT_CODE;
        }
        System.out.println(SchedulingReport.summary(results));
        System.out.println(
            SimulationReport.indexLine(
                "scheduling index-vs-exact",
                new Duration[] {results.get(0).p50(), results.get(0).p99()},
                new Duration[] {results.get(2).p50(), results.get(2).p99()},
                new Duration[] {results.get(1).p50(), results.get(1).p99()}));
        System.out.println(verdict.line());
        return 0;
      } finally {
        runs.forEach(SchedulerRun::close);
      }
    }
  }

  private int simulate(
      BurstyPsnActivity activity, Instant t0, Instant windowStart, Instant windowEnd, Instant end) {
    SchedulerSimulation simulation =
        new SchedulerSimulation(
            activity,
            accounts,
            new SchedulerSimulation.Settings(
                budget,
                budgetPeriod,
                minInterval,
                maxInterval,
                prior,
                tick.multipliedBy((long) compression)));
    List<SchedulerSimulation.Outcome> outcomes = new ArrayList<>();
    for (SchedulingMode mode :
        List.of(
            SchedulingMode.ADAPTIVE, SchedulingMode.ADAPTIVE_EXACT, SchedulingMode.ROUND_ROBIN)) {
      outcomes.add(simulation.run(mode, t0, windowStart, windowEnd, end));
    }
    new SimulationReport(window).print(outcomes, new LatencyBound(simulation.sessionsPerDay()));
    return 0;
  }

  private BurstyPsnActivity.Parameters parameters() {
    BurstyPsnActivity.Parameters d = BurstyPsnActivity.Parameters.defaults();
    return new BurstyPsnActivity.Parameters(
        tailIndex,
        minSessions,
        maxSessions,
        d.minSession(),
        d.maxSession(),
        d.trophiesPerHour(),
        d.newTitleChance());
  }
}
