package io.pitwall.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The harness's verdict lines: the {@code chaos:} summary and one {@code chaos-fault:} line per
 * fault kind. A fault's recovery is the time from its end to the first committed event the tailing
 * consumer saw after it (up to the end of the run when none came), or to the start of the next
 * engine, broker or registry fault when that comes first (that fault's own recovery then covers the
 * wait). Pure: no I/O.
 */
public final class ChaosSummary {

  /** The recovery the run must not exceed. */
  public static final Duration MAX_RECOVERY = Duration.ofSeconds(90);

  private final List<FaultRecord> faults;
  private final NavigableSet<Instant> arrivals;
  private final Instant runEnd;
  private final Verdict verdict;
  private final double minutes;

  /**
   * @param faults every fault that happened
   * @param arrivals when the tailing consumer saw each committed event
   * @param runEnd the end of the run (the bound of a recovery that saw no event)
   * @param verdict the checker's verdict
   * @param minutes how long faults were injected
   */
  public ChaosSummary(
      List<FaultRecord> faults,
      NavigableSet<Instant> arrivals,
      Instant runEnd,
      Verdict verdict,
      double minutes) {
    this.faults = List.copyOf(faults);
    this.arrivals = arrivals;
    this.runEnd = runEnd;
    this.verdict = verdict;
    this.minutes = minutes;
  }

  /** Seconds from the fault's end to the first event after it. */
  public double recoverySeconds(FaultRecord fault) {
    Instant first = arrivals.higher(fault.end());
    Instant until = first == null ? runEnd : first;
    for (FaultRecord next : faults) {
      if (next.kind().family() != FaultKind.Family.UPSTREAM
          && next.start().isAfter(fault.end())
          && next.start().isBefore(until)) {
        until = next.start();
      }
    }
    return Math.max(0, Duration.between(fault.end(), until).toMillis() / 1000.0);
  }

  /** The worst recovery of the run, in seconds. */
  public double maxRecoverySeconds() {
    return faults.stream().mapToDouble(this::recoverySeconds).max().orElse(0);
  }

  /** Whether the run passed: nothing lost, duplicated or false, every recovery within bound. */
  public boolean passed() {
    return verdict.clean() && maxRecoverySeconds() <= MAX_RECOVERY.toSeconds();
  }

  /** The summary line. */
  public String line() {
    Map<FaultKind.Family, Integer> counts = new EnumMap<>(FaultKind.Family.class);
    faults.forEach(f -> counts.merge(f.kind().family(), 1, Integer::sum));
    return String.format(
        Locale.ROOT,
        "chaos: minutes=%s kills=%d pauses=%d broker-outages=%d registry-restarts=%d"
            + " upstream-faults=%d changes=%d lost=%d duplicated=%d false=%d max-recovery-s=%.1f",
        minutes == Math.rint(minutes)
            ? Long.toString((long) minutes)
            : String.format(Locale.ROOT, "%.1f", minutes),
        counts.getOrDefault(FaultKind.Family.KILL, 0),
        counts.getOrDefault(FaultKind.Family.PAUSE, 0),
        counts.getOrDefault(FaultKind.Family.BROKER, 0),
        counts.getOrDefault(FaultKind.Family.REGISTRY, 0),
        counts.getOrDefault(FaultKind.Family.UPSTREAM, 0),
        verdict.changes(),
        verdict.lost(),
        verdict.duplicated(),
        verdict.falseEvents(),
        maxRecoverySeconds());
  }

  /** One line per fault kind that happened, in catalogue order. */
  public List<String> faultLines() {
    List<String> lines = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      List<FaultRecord> ofKind = faults.stream().filter(f -> f.kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      double worst = ofKind.stream().mapToDouble(this::recoverySeconds).max().orElse(0);
      lines.add(
          String.format(
              Locale.ROOT,
              "chaos-fault: kind=%s count=%d worst-recovery-s=%.1f",
              kind.label(),
              ofKind.size(),
              worst));
    }
    return lines;
  }
}
