package io.pitwall.bench.perf;

import io.pitwall.core.WatchKey;
import io.pitwall.core.budget.MutableClock;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.schedule.PollScheduler;
import io.pitwall.core.schedule.SchedulingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The adaptive {@link PollScheduler}'s cost per decision and per {@code done}, on a virtual clock,
 * in both adaptive modes: {@code adaptive} (indexed, the default) and {@code adaptive-exact} (a
 * pass over every watch per round, the reference). Every credential has a budget of {@value
 * #BUDGET} requests per 15 minutes with a burst of one, and each invocation advances the clock by
 * {@link #STEP}, enough for one token: {@code next} dispatches exactly one request per credential,
 * so the time per decision is the time of {@code next} divided by the credentials (the perf runner
 * divides). One poll in ten reports a change. The watches start never polled, and the measurement
 * covers the catch-up and, at 1,000 and 10,000 watches, the steady state after it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerBenchmark {

  static final int BUDGET = 300;
  static final Duration STEP = Duration.ofSeconds(4);

  /**
   * poll.interval: short enough that 10 watches per credential (1,000 watches on 100 credentials,
   * each polled every 10 steps) stay eligible.
   */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(30);

  @Param({"1000", "10000", "100000"})
  public int watches;

  @Param({"1", "10", "100"})
  public int credentials;

  /** The {@code schedule.mode}: {@code adaptive} (indexed) or {@code adaptive-exact}. */
  @Param({"adaptive", "adaptive-exact"})
  public String mode;

  private MutableClock clock;
  private PollScheduler scheduler;
  private List<PollScheduler.Dispatch> pending = new ArrayList<>();
  private long polls;
  private int checked = -1;

  /** A scheduler with the watches spread over the pool, warmed by one pass over every watch. */
  @Setup(Level.Trial)
  public void build() {
    clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));
    scheduler = new PollScheduler(SchedulingMode.of(mode), MIN_INTERVAL, Duration.ofHours(6));
    for (int c = 0; c < credentials; c++) {
      scheduler.addCredential(
          "psn", "psn/" + c, new TokenBucket(clock, BUDGET, Duration.ofMinutes(15), 1), 1);
    }
    for (int w = 0; w < watches; w++) {
      scheduler.put(new WatchKey("psn", "account-" + w), null, null, null, clock.instant());
    }
  }

  /** Advances the clock by one token's worth (not measured). */
  @Setup(Level.Invocation)
  public void tick() {
    clock.advance(STEP);
  }

  /** The requests of one round: one per credential. */
  @Benchmark
  public List<PollScheduler.Dispatch> decide() {
    pending = scheduler.next(clock.instant());
    return pending;
  }

  /** Checks that a round dispatched one request per credential, as the figures assume. */
  @TearDown(Level.Iteration)
  public void check() {
    if (checked != credentials) {
      throw new IllegalStateException(
          checked + " requests dispatched in a round for " + credentials + " credentials");
    }
  }

  /** Finishes what {@link #decide} dispatched (not measured in {@link #decide}). */
  @TearDown(Level.Invocation)
  public void finish() {
    finishPending();
  }

  void finishPending() {
    checked = pending.size();
    Instant now = clock.instant();
    for (PollScheduler.Dispatch d : pending) {
      scheduler.done(d, reports(d, now), now);
    }
    pending = List.of();
  }

  List<PollScheduler.Report> reports(PollScheduler.Dispatch d, Instant now) {
    List<PollScheduler.Report> reports = new ArrayList<>();
    for (WatchKey key : d.watches()) {
      reports.add(
          PollScheduler.Report.ok(
              key, polls++ % 10 == 0 ? List.of(now.minusSeconds(30)) : List.of()));
    }
    return reports;
  }

  /**
   * {@code done} alone: each invocation's round is dispatched in an unmeasured setup, and the
   * measured method reports every request of it done (one per credential).
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public static class Done {

    @Param({"1000", "10000", "100000"})
    public int watches;

    @Param({"1", "10", "100"})
    public int credentials;

    @Param({"adaptive", "adaptive-exact"})
    public String mode;

    private final SchedulerBenchmark round = new SchedulerBenchmark();
    private List<List<PollScheduler.Report>> reports = List.of();

    /** The scheduler, as {@link SchedulerBenchmark#build}. */
    @Setup(Level.Trial)
    public void build() {
      round.watches = watches;
      round.credentials = credentials;
      round.mode = mode;
      round.build();
    }

    /** Advances the clock and dispatches one round (not measured). */
    @Setup(Level.Invocation)
    public void dispatch() {
      round.tick();
      round.pending = round.scheduler.next(round.clock.instant());
      reports = new ArrayList<>();
      for (PollScheduler.Dispatch d : round.pending) {
        reports.add(round.reports(d, round.clock.instant()));
      }
      if (round.pending.size() != credentials) {
        throw new IllegalStateException(
            round.pending.size() + " requests dispatched for " + credentials + " credentials");
      }
    }

    /** Reports every request of the round done. */
    @Benchmark
    public int done() {
      Instant now = round.clock.instant();
      int refreshed = 0;
      for (int i = 0; i < round.pending.size(); i++) {
        refreshed += round.scheduler.done(round.pending.get(i), reports.get(i), now).size();
      }
      return refreshed;
    }
  }
}
