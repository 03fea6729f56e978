package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The summary line, the per-kind lines and how recoveries are measured. */
class ChaosSummaryTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  private static FaultRecord fault(FaultKind kind, double start, double end) {
    return new FaultRecord(kind, "", at(start), at(end));
  }

  @Test
  void shouldMeasureRecoveryToTheFirstEventAfterTheFaultOrTheNextFault() {
    List<FaultRecord> faults =
        List.of(
            fault(FaultKind.KILL, 10, 13),
            fault(FaultKind.BROKER_OUTAGE, 20, 100),
            fault(FaultKind.HTTP_5XX, 101, 110));
    TreeSet<Instant> arrivals = new TreeSet<>(List.of(at(5), at(112), at(120)));
    ChaosSummary summary =
        new ChaosSummary(faults, arrivals, at(200), new Verdict(9, 0, 0, 0, List.of()), 3);
    assertThat(summary.recoverySeconds(faults.get(0)))
        .as("capped at the outage that began before any event came")
        .isEqualTo(7.0);
    assertThat(summary.recoverySeconds(faults.get(1))).isEqualTo(12.0);
    assertThat(summary.recoverySeconds(faults.get(2))).isEqualTo(2.0);
    assertThat(summary.line())
        .isEqualTo(
            "chaos: minutes=3 kills=1 pauses=0 broker-outages=1 registry-restarts=0"
                + " upstream-faults=1 changes=9 lost=0 duplicated=0 false=0 max-recovery-s=12.0");
    assertThat(summary.faultLines())
        .containsExactly(
            "chaos-fault: kind=kill count=1 worst-recovery-s=7.0",
            "chaos-fault: kind=broker-outage count=1 worst-recovery-s=12.0",
            "chaos-fault: kind=http-5xx count=1 worst-recovery-s=2.0");
    assertThat(summary.passed()).isTrue();
  }

  @Test
  void shouldFailOnAFindingOrASlowRecovery() {
    List<FaultRecord> faults = List.of(fault(FaultKind.REGISTRY_RESTART, 0, 10));
    TreeSet<Instant> late = new TreeSet<>(List.of(at(101)));
    assertThat(
            new ChaosSummary(faults, late, at(200), new Verdict(1, 0, 0, 0, List.of()), 1).passed())
        .isFalse();
    TreeSet<Instant> soon = new TreeSet<>(List.of(at(11)));
    assertThat(
            new ChaosSummary(faults, soon, at(200), new Verdict(1, 1, 0, 0, List.of("x")), 1)
                .passed())
        .isFalse();
    assertThat(
            new ChaosSummary(faults, soon, at(200), new Verdict(1, 0, 0, 0, List.of()), 1).passed())
        .isTrue();
  }
}
