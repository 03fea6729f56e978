package io.pitwall.bench.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.source.psn.PsnStateCodec;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleListScan;
import io.pitwall.source.psn.diff.TrophyDiffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticPsnTest {

  @Test
  void aStateHasTheTitlesAndEarnedIdsAsked() {
    PsnWatchState state = SyntheticPsn.state(7, 100);

    assertThat(state.titles()).hasSize(100);
    assertThat(state.baselined()).isTrue();
    assertThat(state.titles().values())
        .allSatisfy(t -> assertThat(t.earnedIds()).hasSize(SyntheticPsn.EARNED_PER_TITLE));
    assertThat(state.watermark()).isEqualTo(SyntheticPsn.lastUpdated(7, 0));
  }

  @Test
  void statesAreDeterministicAndDifferBetweenAccounts() {
    assertThat(SyntheticPsn.state(3, 20)).isEqualTo(SyntheticPsn.state(3, 20));
    assertThat(SyntheticPsn.earnedIds(3, 5)).isNotEqualTo(SyntheticPsn.earnedIds(4, 5));
  }

  @Test
  void theTitleListHasExactlyTheChangedTitleNewAtItsHead() {
    PsnWatchState state = SyntheticPsn.state(11, 100);
    List<TitleEntry> list = SyntheticPsn.titleList(11, 100, 37);

    TitleListScan.Verdict verdict = TitleListScan.scan(state, list, true);

    assertThat(list).hasSize(100);
    assertThat(verdict.changed())
        .singleElement()
        .extracting(TitleEntry::npCommunicationId)
        .isEqualTo(SyntheticPsn.titleId(11, 37));
    assertThat(TitleListScan.scan(state, SyntheticPsn.titleList(11, 100, -1), true).changed())
        .isEmpty();
  }

  @Test
  void theChangedTitleDiffsToOneNewlyEarnedTrophy() {
    PsnWatchState state = SyntheticPsn.state(11, 100);
    TitleEntry changed = SyntheticPsn.titleList(11, 100, 37).get(0);

    TrophyDiffer.Result result =
        TrophyDiffer.diff(
            state.title(changed.npCommunicationId()),
            changed,
            SyntheticPsn.earned(11, 37, 1, changed.lastUpdated()));

    assertThat(result.newlyEarned()).hasSize(1);
    assertThat(result.next().earnedIds()).hasSize(SyntheticPsn.EARNED_PER_TITLE + 1);
  }

  @Test
  void aStateRoundTripsThroughTheRealCodec() {
    PsnWatchState state = SyntheticPsn.state(5, 100);

    assertThat(PsnStateCodec.decode(PsnStateCodec.encode(state))).isEqualTo(state);
  }
}
