package io.pitwall.source.psn.diff;

import static io.pitwall.source.psn.diff.PsnFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PsnWatchStateTest {

  @Test
  void shouldTakeABaselineFromTheListAlone() {
    PsnWatchState state =
        PsnWatchState.EMPTY.advance(List.of(entry("A", 30, 3), entry("B", 20, 1)), Map.of());

    assertThat(state.baselined()).isTrue();
    assertThat(state.watermark()).isEqualTo(PsnFixtures.T0.plusSeconds(1800));
    assertThat(state.title("A").earnedIds()).isNull();
    assertThat(state.title("B").earnedCount()).isEqualTo(1);
  }

  @Test
  void shouldBaselineAnEmptyAccount() {
    assertThat(PsnWatchState.EMPTY.advance(List.of(), Map.of()).baselined()).isTrue();
  }

  @Test
  void shouldKeepTitlesThatNoLongerAppearAndTakeDiffedStates() {
    PsnWatchState baseline =
        PsnWatchState.EMPTY.advance(List.of(entry("A", 30, 3), entry("B", 20, 1)), Map.of());
    TitleState diffed = new TitleState(PsnFixtures.T0.plusSeconds(3000), 2, Set.of(1, 2));

    PsnWatchState next = baseline.advance(List.of(entry("B", 50, 2)), Map.of("B", diffed));

    assertThat(next.titles()).containsKeys("A", "B");
    assertThat(next.title("B")).isEqualTo(diffed);
    assertThat(next.watermark()).isEqualTo(PsnFixtures.T0.plusSeconds(3000));
  }
}
