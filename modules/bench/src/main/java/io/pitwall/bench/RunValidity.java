package io.pitwall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges whether a scheduling benchmark run kept up with its compressed clock: every engine's
 * scheduling rounds, budget use, simulator requests and broker lag, and the benchmark's own
 * activity feed, each against its {@link ValidityLimits limit}. (The poll-to-read time is shown in
 * the table but not judged: it is mostly the poll's later requests waiting for tokens, which is the
 * budget at work, not lag.) A run that kept up gets its {@code validity:} line with the figures;
 * one that fell behind gets, instead of a verdict, a {@code scheduling: INVALID} line naming what
 * fell behind and a lower compression to try. Pure: it is fed the figures.
 */
final class RunValidity {

  /** Exit code of a run that fell behind its clock and printed no verdict. */
  static final int INVALID_EXIT_CODE = 3;

  /**
   * The judgement of one run.
   *
   * @param valid whether every figure was within its limit
   * @param line the line to print: {@code validity: ...} or {@code scheduling: INVALID — ...}
   * @param suggestedCompression for an invalid run, the compression to try instead; else the run's
   */
  record Verdict(boolean valid, String line, double suggestedCompression) {}

  private final ValidityLimits limits;
  private final double compression;

  /**
   * @param limits what the run may fall behind by
   * @param compression how much faster than the wall the run's clock went
   */
  RunValidity(ValidityLimits limits, double compression) {
    this.limits = limits;
    this.compression = compression;
  }

  /** Judges the engines' figures and the activity feed's. */
  Verdict judge(List<EngineLag> engines, Lag activity) {
    List<String> shown = new ArrayList<>();
    List<String> behind = new ArrayList<>();
    double worst = 1;
    for (EngineLag e : engines) {
      List<Check> checks =
          List.of(
              Check.of("ticks late", e.ticks(), limits.ticksP99()),
              Check.budget(e.budgetUse(), limits),
              Check.of("simulator requests", e.simulator(), limits.simulatorP99()),
              Check.of("broker", e.broker(), limits.brokerP99()));
      shown.add(e.mode() + ": " + String.join(", ", checks.stream().map(this::shown).toList()));
      List<Check> failed = checks.stream().filter(c -> !c.met()).toList();
      if (!failed.isEmpty()) {
        behind.add(e.mode() + ": " + String.join(", ", failed.stream().map(this::failed).toList()));
      }
      for (Check c : failed) {
        worst = Math.max(worst, c.overBy());
      }
    }
    Check feed = Check.of("activity feed every", activity, limits.activityP99());
    shown.add("benchmark: " + shown(feed));
    if (!feed.met()) {
      behind.add("benchmark: " + failed(feed));
      worst = Math.max(worst, feed.overBy());
    }
    if (behind.isEmpty()) {
      return new Verdict(
          true,
          String.format(Locale.ROOT, "validity: kept up at --compression %.0f — ", compression)
              + String.join("; ", shown),
          compression);
    }
    double suggested = suggestedCompression(compression, worst);
    return new Verdict(
        false,
        "scheduling: INVALID — "
            + String.join("; ", behind)
            + String.format(Locale.ROOT, "; try --compression %.0f", suggested),
        suggested);
  }

  /**
   * A compression at which lags {@code overBy} times their limits would fit: the wall-time lag of a
   * busy machine stays, its virtual time shrinks with the compression. At least three times lower,
   * as a run that fell behind once is on a machine that may get busier; rounded down to 1, 2, 3 or
   * 5 times a power of ten.
   */
  static double suggestedCompression(double compression, double overBy) {
    double target = compression / Math.max(3, overBy);
    if (target <= 1) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(target)));
    double suggested = decade;
    for (int step : new int[] {2, 3, 5, 10}) {
      if (step * decade <= target * (1 + 1e-9)) {
        suggested = step * decade;
      }
    }
    return suggested;
  }

  private String shown(Check c) {
    return c.budget()
        ? String.format(
            Locale.ROOT,
            "budget use %.3f (allowed %.3f, at least %.3f)",
            c.budgetUse,
            limits.allowedBudgetUse(),
            limits.minBudgetUse())
        : String.format(
            Locale.ROOT,
            "%s p99=%s max=%s (limit %s)",
            c.name,
            Lag.show(c.lag.p99(), compression),
            Lag.show(c.lag.max(), compression),
            Lag.virtual(c.limit));
  }

  private String failed(Check c) {
    return c.budget()
        ? String.format(
            Locale.ROOT,
            "budget use %.3f < %.3f allowed (the bucket allows %.3f)",
            c.budgetUse,
            limits.minBudgetUse(),
            limits.allowedBudgetUse())
        : String.format(
            Locale.ROOT,
            "%s p99=%s > limit %s",
            c.name,
            Lag.show(c.lag.p99(), compression),
            Lag.virtual(c.limit));
  }

  /** One figure against its limit. */
  private record Check(String name, Lag lag, Duration limit, double budgetUse, boolean met) {

    static Check of(String name, Lag lag, Duration limit) {
      return new Check(name, lag, limit, Double.NaN, lag.p99().compareTo(limit) <= 0);
    }

    static Check budget(double use, ValidityLimits limits) {
      // a use that is not a number (no window) cannot show the run kept up
      return new Check("budget use", null, null, use, use >= limits.minBudgetUse());
    }

    boolean budget() {
      return lag == null;
    }

    /** How many times over its limit the figure is; a budget shortfall says nothing of how much. */
    double overBy() {
      return budget() ? 1 : (double) lag.p99().toNanos() / Math.max(1, limit.toNanos());
    }
  }
}
