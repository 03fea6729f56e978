package io.pitwall.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault plan: drawn from the seed, and as rich as the long and the short run need. */
class FaultPlanTest {

  private static long count(List<PlannedFault> plan, FaultKind kind) {
    return plan.stream().filter(f -> f.kind() == kind).count();
  }

  @Test
  void shouldDrawTheSamePlanFromTheSameSeed() {
    assertThat(FaultPlan.draw(42, 20)).isEqualTo(FaultPlan.draw(42, 20));
    assertThat(FaultPlan.draw(42, 20)).isNotEqualTo(FaultPlan.draw(43, 20));
  }

  @Test
  void shouldPlanWhatTheLongRunPromises() {
    for (long seed = 1; seed <= 50; seed++) {
      List<PlannedFault> plan = FaultPlan.draw(seed, 25);
      assertThat(count(plan, FaultKind.KILL)).as("kills, seed " + seed).isGreaterThanOrEqualTo(30);
      assertThat(count(plan, FaultKind.BROKER_OUTAGE)).isGreaterThanOrEqualTo(3);
      assertThat(count(plan, FaultKind.REGISTRY_RESTART)).isGreaterThanOrEqualTo(2);
      assertThat(count(plan, FaultKind.CREDENTIAL_EXPIRED)).isEqualTo(1);
      assertThat(plan.stream().filter(f -> f.kind().family() == FaultKind.Family.UPSTREAM))
          .hasSizeGreaterThan(10);
      assertThat(plan)
          .filteredOn(f -> f.kind() == FaultKind.BROKER_OUTAGE)
          .allSatisfy(f -> assertThat(f.seconds()).isBetween(60.0, 120.0));
      assertThat(plan)
          .isSortedAccordingTo(java.util.Comparator.comparingDouble(PlannedFault::atSecond));
    }
  }

  @Test
  void shouldSpaceKillsTenToFortySecondsApartOutsideOutages() {
    List<PlannedFault> plan = FaultPlan.draw(42, 25);
    double previous = 0;
    for (PlannedFault fault : plan) {
      if (fault.kind() == FaultKind.BROKER_OUTAGE || fault.kind() == FaultKind.REGISTRY_RESTART) {
        previous = Math.max(previous, fault.atSecond() + fault.seconds());
      }
      if (fault.kind() == FaultKind.KILL) {
        assertThat(fault.atSecond() - previous).isBetween(3.0, 40.0);
        assertThat(fault.atSecond() - previous).isLessThanOrEqualTo(40.0);
        previous = fault.atSecond();
      }
    }
  }

  @Test
  void shouldPlanEveryMajorFaultInTheShortRunOfTheIntegrationTest() {
    List<PlannedFault> plan = FaultPlan.draw(ChaosIT.SEED, ChaosIT.MINUTES);
    assertThat(count(plan, FaultKind.KILL)).isGreaterThanOrEqualTo(2);
    assertThat(count(plan, FaultKind.BROKER_OUTAGE)).isEqualTo(1);
    assertThat(count(plan, FaultKind.REGISTRY_RESTART)).isEqualTo(1);
    assertThat(plan.stream().filter(f -> f.kind().family() == FaultKind.Family.UPSTREAM))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
