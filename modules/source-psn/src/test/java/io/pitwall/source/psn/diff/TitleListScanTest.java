package io.pitwall.source.psn.diff;

import static io.pitwall.source.psn.diff.PsnFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TitleListScanTest {

  private final PsnWatchState baseline =
      PsnWatchState.EMPTY.advance(
          List.of(entry("A", 30, 3), entry("B", 20, 1), entry("C", 10, 5)), Map.of());

  @Test
  void shouldNeedEveryPageBeforeTheBaseline() {
    TitleListScan.Verdict verdict =
        TitleListScan.scan(PsnWatchState.EMPTY, List.of(entry("A", 30, 3)), false);

    assertThat(verdict.needNextPage()).isTrue();
    assertThat(
            TitleListScan.scan(PsnWatchState.EMPTY, List.of(entry("A", 30, 3)), true)
                .needNextPage())
        .isFalse();
  }

  @Test
  void shouldStopAtTheWatermarkWhenNothingChanged() {
    TitleListScan.Verdict verdict =
        TitleListScan.scan(baseline, List.of(entry("A", 30, 3), entry("B", 20, 1)), false);

    assertThat(verdict.changed()).isEmpty();
    assertThat(verdict.needNextPage()).isFalse();
  }

  @Test
  void shouldReportTitlesAboveTheWatermarkAndStopBelowIt() {
    TitleListScan.Verdict verdict =
        TitleListScan.scan(
            baseline, List.of(entry("C", 50, 6), entry("D", 40, 1), entry("A", 30, 3)), false);

    assertThat(verdict.changed())
        .extracting(TitleEntry::npCommunicationId)
        .containsExactly("C", "D");
    assertThat(verdict.needNextPage()).isFalse();
  }

  @Test
  void shouldAskForTheNextPageWhileEveryEntryIsNewer() {
    TitleListScan.Verdict verdict =
        TitleListScan.scan(baseline, List.of(entry("C", 50, 6), entry("D", 40, 1)), false);

    assertThat(verdict.needNextPage()).isTrue();
  }

  @Test
  void shouldNoticeACountChangeAtTheSameTimestamp() {
    TitleListScan.Verdict verdict = TitleListScan.scan(baseline, List.of(entry("A", 30, 4)), false);

    assertThat(verdict.changed()).extracting(TitleEntry::npCommunicationId).containsExactly("A");
    assertThat(verdict.needNextPage()).isTrue();
  }
}
