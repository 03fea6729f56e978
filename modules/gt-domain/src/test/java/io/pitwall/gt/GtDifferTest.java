package io.pitwall.gt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.core.WatchKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class GtDifferTest {

  private static DriverSnapshot driver(String dr, long points, String sr) {
    return new DriverSnapshot(dr, null, points, sr, null, RatingPrecision.POINTS);
  }

  private static SeriesStanding standing(SeriesStanding.Round... rounds) {
    return new SeriesStanding("1564", "Nations Cup", 14, 342.0, List.of(rounds));
  }

  @Test
  void shouldTakeABaselineThatEmitsNothing() {
    GtDiffer.Result result =
        GtDiffer.diff(
            GtWatchState.EMPTY,
            driver("B", 11_000, "S"),
            List.of(standing(new SeriesStanding.Round(1, 120, true))));

    assertThat(result.ratings()).isEmpty();
    assertThat(result.rounds()).isEmpty();
    assertThat(result.next().driver().drClass()).isEqualTo("B");
  }

  @Test
  void shouldEmitClassChangesUpAndDownButNotMerePointMoves() {
    GtWatchState base =
        GtDiffer.diff(GtWatchState.EMPTY, driver("B", 11_000, "S"), List.of()).next();

    assertThat(GtDiffer.diff(base, driver("B", 12_500, "S"), List.of()).ratings()).isEmpty();
    GtDiffer.Result up = GtDiffer.diff(base, driver("A", 30_100, "A"), List.of());
    assertThat(up.ratings())
        .extracting(
            RatingChange::kind,
            RatingChange::previousClass,
            RatingChange::newClass,
            RatingChange::up)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RatingChange.Kind.DRIVER_RATING, "B", "A", true),
            org.assertj.core.groups.Tuple.tuple(RatingChange.Kind.SAFETY_RATING, "S", "A", false));
    GtDiffer.Result down = GtDiffer.diff(up.next(), driver("B", 29_000, "A"), List.of());
    assertThat(down.ratings())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.up()).isFalse();
              assertThat(c.previousPoints()).isEqualTo(30_100L);
              assertThat(c.sequence()).isEqualTo(2);
            });
    GtDiffer.Result upAgain = GtDiffer.diff(down.next(), driver("A", 30_500, "A"), List.of());
    WatchKey key = WatchKey.parse("gt:9568550");
    assertThat(upAgain.ratings().get(0).eventId(key))
        .isNotEqualTo(up.ratings().get(0).eventId(key));
  }

  @Test
  void shouldEmitNewRoundsAndChangedPointsOrCountedFlags() {
    GtWatchState base =
        GtDiffer.diff(
                GtWatchState.EMPTY, null, List.of(standing(new SeriesStanding.Round(1, 120, true))))
            .next();

    GtDiffer.Result result =
        GtDiffer.diff(
            base,
            null,
            List.of(
                standing(
                    new SeriesStanding.Round(1, 120, false),
                    new SeriesStanding.Round(2, 95, true),
                    new SeriesStanding.Round(3, 80, true))));

    assertThat(result.rounds())
        .extracting(c -> c.round().number() + ":" + c.kind())
        .containsExactly("1:COUNTED_CHANGED", "2:NEW_ROUND", "3:NEW_ROUND");
    assertThat(
            GtDiffer.diff(
                    result.next(), null, List.of(standing(new SeriesStanding.Round(2, 95, true))))
                .rounds())
        .isEmpty();
  }

  @Test
  void shouldMapNumbersAndPointsToLettersAsConfigured() {
    RatingScales scales = RatingScales.defaults();
    assertThat(scales.driverClass(4)).isEqualTo("B");
    assertThat(scales.driverClass(6)).isEqualTo("A+");
    assertThat(scales.safetyClass(99)).isEqualTo("S");
    assertThat(scales.safetyClass(64)).isEqualTo("B");
    assertThat(scales.safetyClass(0)).isEqualTo("E");
    assertThatThrownBy(() -> RatingScales.parse("1=Z", RatingScales.DEFAULT_SAFETY_THRESHOLDS))
        .hasMessageContaining("'1=Z'");
    assertThatThrownBy(() -> RatingScales.parse(RatingScales.DEFAULT_DRIVER_CLASSES, "S=80"))
        .hasMessageContaining("lowest");
  }

  @Test
  void shouldReportLetterPrecisionForARatingWithoutPoints() {
    GtWatchState base =
        GtDiffer.diff(GtWatchState.EMPTY, driver("B", 11_000, "S"), List.of()).next();

    GtDiffer.Result result = GtDiffer.diff(base, driver("B", 11_000, "A"), List.of());

    assertThat(result.ratings())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(RatingChange.Kind.SAFETY_RATING);
              assertThat(c.precision()).isEqualTo(RatingPrecision.LETTER);
            });
  }

  /**
   * Removing a watch drops its state, so the change counts start over when it is added again: the
   * first change after that must not reuse the id of the first change before it.
   */
  @Test
  void shouldNeverReuseAnEventIdAfterTheWatchLostItsState() {
    WatchKey watch = WatchKey.parse("gt:9568550");
    GtWatchState first =
        GtDiffer.diff(GtWatchState.EMPTY, driver("B", 11_000, "S"), List.of()).next();
    RatingChange before =
        GtDiffer.diff(first, driver("A", 30_100, "S"), List.of()).ratings().get(0);
    GtWatchState again =
        GtDiffer.diff(GtWatchState.EMPTY, driver("A", 30_100, "S"), List.of()).next();
    RatingChange after = GtDiffer.diff(again, driver("S", 50_100, "S"), List.of()).ratings().get(0);

    assertThat(after.sequence()).isEqualTo(before.sequence());
    assertThat(after.eventId(watch)).isNotEqualTo(before.eventId(watch));
  }

  @Test
  void shouldKeepTheEpochAndSoTheSameIdForTheSameChange() {
    WatchKey watch = WatchKey.parse("gt:9568550");
    GtWatchState base =
        GtDiffer.diff(GtWatchState.EMPTY, driver("B", 11_000, "S"), List.of(), () -> "e1").next();
    GtDiffer.Result once = GtDiffer.diff(base, driver("A", 30_100, "S"), List.of());
    GtDiffer.Result twice = GtDiffer.diff(base, driver("A", 30_100, "S"), List.of());

    assertThat(once.next().epoch()).isEqualTo("e1");
    assertThat(once.ratings().get(0).eventId(watch))
        .isEqualTo(twice.ratings().get(0).eventId(watch));
  }

  @Test
  void shouldKeepTheOldIdsOfAStateWrittenBeforeEpochs() {
    WatchKey watch = WatchKey.parse("gt:9568550");
    GtWatchState legacy = new GtWatchState(driver("B", 11_000, "S"), 0, 0, java.util.Map.of());
    RatingChange change =
        GtDiffer.diff(legacy, driver("A", 30_100, "S"), List.of()).ratings().get(0);

    assertThat(change.epoch()).isNull();
    assertThat(change.eventId(watch))
        .isEqualTo(io.pitwall.core.EventIds.of("DrClassChanged", "gt:9568550", "1"));
  }
}
