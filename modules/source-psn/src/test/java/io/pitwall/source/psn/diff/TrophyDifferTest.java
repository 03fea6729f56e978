package io.pitwall.source.psn.diff;

import static io.pitwall.source.psn.diff.PsnFixtures.earned;
import static io.pitwall.source.psn.diff.PsnFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrophyDifferTest {

  @Test
  void shouldEmitTrophiesTheStateDidNotKnowInEarnedOrder() {
    TitleState prior = new TitleState(PsnFixtures.T0.plusSeconds(600), 2, Set.of(1, 2));

    TrophyDiffer.Result result =
        TrophyDiffer.diff(
            prior,
            entry("A", 30, 4),
            List.of(earned(5, 30), earned(1, 5), earned(2, 10), earned(4, 20)));

    assertThat(result.newlyEarned()).extracting(EarnedTrophy::trophyId).containsExactly(4, 5);
    assertThat(result.next().earnedIds()).containsExactlyInAnyOrder(1, 2, 4, 5);
    assertThat(result.next().lastUpdated()).isEqualTo(PsnFixtures.T0.plusSeconds(1800));
  }

  @Test
  void shouldNeverEmitALossAndKeepWhatTheStateKnew() {
    TitleState prior = new TitleState(PsnFixtures.T0.plusSeconds(600), 3, Set.of(1, 2, 3));

    TrophyDiffer.Result result =
        TrophyDiffer.diff(prior, entry("A", 10, 2), List.of(earned(1, 5), earned(2, 10)));

    assertThat(result.newlyEarned()).isEmpty();
    assertThat(result.missing()).containsExactly(3);
    assertThat(result.next().earnedIds()).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(result.next().earnedCount()).isEqualTo(3);
  }

  @Test
  void shouldUseEarnTimesAfterABaselineThatKnewOnlyTheCount() {
    TitleState baseline = new TitleState(PsnFixtures.T0.plusSeconds(600), 2, null);

    TrophyDiffer.Result result =
        TrophyDiffer.diff(
            baseline, entry("A", 20, 3), List.of(earned(1, 5), earned(2, 10), earned(3, 20)));

    assertThat(result.newlyEarned()).extracting(EarnedTrophy::trophyId).containsExactly(3);
    assertThat(result.next().earnedIds()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void shouldCountOfflineEarnsSyncedWithOldTimesAfterABaseline() {
    TitleState baseline = new TitleState(PsnFixtures.T0.plusSeconds(600), 1, null);

    TrophyDiffer.Result result =
        TrophyDiffer.diff(
            baseline, entry("A", 20, 3), List.of(earned(1, 1), earned(7, 8), earned(3, 20)));

    assertThat(result.newlyEarned()).extracting(EarnedTrophy::trophyId).containsExactly(7, 3);
  }

  @Test
  void shouldTreatEveryEarnedTrophyOfANewTitleAsNew() {
    TrophyDiffer.Result result =
        TrophyDiffer.diff(null, entry("N", 20, 2), List.of(earned(9, 20), earned(0, 15)));

    assertThat(result.newlyEarned()).extracting(EarnedTrophy::trophyId).containsExactly(0, 9);
  }
}
