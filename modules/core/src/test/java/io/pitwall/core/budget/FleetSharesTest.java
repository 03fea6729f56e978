package io.pitwall.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetSharesTest {

  private final Map<Integer, Integer> counts = Map.of(0, 7, 1, 3, 2, 0, 3, 10);

  @Test
  void shouldFollowTheShareOfTheCredentialsWatches() {
    assertThat(FleetShares.share(counts, Set.of(0, 2), 4)).isCloseTo(0.35, within(1e-9));
    assertThat(FleetShares.share(counts, Set.of(1, 3), 4)).isCloseTo(0.65, within(1e-9));
    assertThat(FleetShares.share(counts, Set.of(0, 1, 2, 3), 4)).isEqualTo(1.0);
    assertThat(FleetShares.share(counts, Set.of(), 4)).isZero();
  }

  @Test
  void shouldNeverGiveDisjointOwnersMoreThanTheWholeBudget() {
    double a = FleetShares.share(counts, Set.of(0), 4);
    double b = FleetShares.share(counts, Set.of(1, 2), 4);
    double c = FleetShares.share(counts, Set.of(3), 4);
    assertThat(a + b + c).isCloseTo(1.0, within(1e-9));
    // a partition between owners (revoked, not yet assigned) belongs to nobody's share
    assertThat(a + c).isLessThan(1.0);
  }

  @Test
  void shouldFollowThePartitionsOwnedBeforeAnyCountIsKnown() {
    assertThat(FleetShares.share(Map.of(), Set.of(0, 1, 2), 12)).isCloseTo(0.25, within(1e-9));
    assertThat(FleetShares.share(Map.of(5, 0), Set.of(5), 12)).isCloseTo(1 / 12.0, within(1e-9));
  }
}
