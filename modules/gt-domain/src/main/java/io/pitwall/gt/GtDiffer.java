package io.pitwall.gt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a GT watch's prior state and a new observation into rating and round changes. Pure. The
 * first observation is a baseline: it emits nothing. A class change is emitted when the letter
 * changes (points move every race); a round when it is new or its points or counted flag change. A
 * round missing from one observation is kept, never reported as lost.
 */
public final class GtDiffer {

  /**
   * The outcome of a diff.
   *
   * @param ratings rating class changes (DR first)
   * @param rounds round changes, by series then round number
   * @param next the new state
   */
  public record Result(List<RatingChange> ratings, List<RoundChange> rounds, GtWatchState next) {}

  private GtDiffer() {}

  /**
   * Diffs one poll.
   *
   * @param prior the watch's state
   * @param driver the ratings seen now, or null when this poll did not read them
   * @param standings the watched series' standings seen now
   */
  public static Result diff(
      GtWatchState prior, DriverSnapshot driver, List<SeriesStanding> standings) {
    return diff(prior, driver, standings, () -> UUID.randomUUID().toString());
  }

  /**
   * Diffs one poll.
   *
   * @param prior the watch's state
   * @param driver the ratings seen now, or null when this poll did not read them
   * @param standings the watched series' standings seen now
   * @param newEpoch the epoch a baseline (an empty prior) takes
   */
  public static Result diff(
      GtWatchState prior,
      DriverSnapshot driver,
      List<SeriesStanding> standings,
      Supplier<String> newEpoch) {
    String epoch = prior.epoch() != null ? prior.epoch() : prior.isEmpty() ? newEpoch.get() : null;
    List<RatingChange> ratings = new ArrayList<>();
    int drChanges = prior.drChanges();
    int srChanges = prior.srChanges();
    DriverSnapshot before = prior.driver();
    if (before != null && driver != null) {
      if (!before.drClass().equals(driver.drClass())) {
        drChanges++;
        ratings.add(
            new RatingChange(
                RatingChange.Kind.DRIVER_RATING,
                before.drClass(),
                driver.drClass(),
                before.drClassNumber(),
                driver.drClassNumber(),
                before.drPoints(),
                driver.drPoints(),
                RatingScales.isUp(before.drClass(), driver.drClass()),
                driver.drPoints() == null ? RatingPrecision.LETTER : driver.precision(),
                drChanges,
                epoch));
      }
      if (!before.srClass().equals(driver.srClass())) {
        srChanges++;
        ratings.add(
            new RatingChange(
                RatingChange.Kind.SAFETY_RATING,
                before.srClass(),
                driver.srClass(),
                null,
                null,
                before.srPoints() == null ? null : before.srPoints().longValue(),
                driver.srPoints() == null ? null : driver.srPoints().longValue(),
                RatingScales.isUp(before.srClass(), driver.srClass()),
                driver.srPoints() == null ? RatingPrecision.LETTER : driver.precision(),
                srChanges,
                epoch));
      }
    }
    Map<String, GtWatchState.SeriesRounds> series = new HashMap<>(prior.series());
    List<RoundChange> rounds = new ArrayList<>();
    for (SeriesStanding standing : standings) {
      GtWatchState.SeriesRounds known = prior.series().get(standing.seriesId());
      Map<Integer, SeriesStanding.Round> nextRounds =
          new HashMap<>(known == null ? Map.of() : known.rounds());
      Map<Integer, Integer> revisions = new HashMap<>(known == null ? Map.of() : known.revisions());
      for (SeriesStanding.Round round : standing.rounds()) {
        SeriesStanding.Round previous = known == null ? null : known.rounds().get(round.number());
        if (!round.equals(previous)) {
          int revision = revisions.getOrDefault(round.number(), 0) + 1;
          revisions.put(round.number(), revision);
          nextRounds.put(round.number(), round);
          if (known != null) {
            rounds.add(new RoundChange(standing, round, previous, revision, epoch));
          }
        }
      }
      series.put(standing.seriesId(), new GtWatchState.SeriesRounds(nextRounds, revisions));
    }
    rounds.sort(
        (a, b) ->
            a.standing().seriesId().equals(b.standing().seriesId())
                ? Integer.compare(a.round().number(), b.round().number())
                : a.standing().seriesId().compareTo(b.standing().seriesId()));
    DriverSnapshot nextDriver = driver != null ? driver : before;
    return new Result(
        List.copyOf(ratings),
        List.copyOf(rounds),
        new GtWatchState(nextDriver, drChanges, srChanges, series, epoch));
  }
}
