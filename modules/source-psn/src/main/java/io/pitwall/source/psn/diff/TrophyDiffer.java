package io.pitwall.source.psn.diff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which trophies of a changed title are newly earned. Pure.
 *
 * <ul>
 *   <li>When the state knows the earned ids, the new trophies are the earned ones it did not know.
 *   <li>When it knows only the count (after a baseline), they are those earned after the title's
 *       previous {@code lastUpdatedDateTime}; if the count grew by more (trophies earned offline
 *       sync with their original times), the most recent others make up the difference.
 *   <li>A title the state never saw is new: all its earned trophies are new.
 * </ul>
 *
 * <p>It never reports a loss: a trophy the state knew but the upstream no longer lists stays in the
 * state (lists come back truncated; one observation proves nothing).
 */
public final class TrophyDiffer {

  /**
   * The result for one title.
   *
   * @param newlyEarned new trophies, in earned order (time, then id)
   * @param next the title's new state
   * @param missing trophies the state knew but this observation lacked (kept, never emitted)
   */
  public record Result(List<EarnedTrophy> newlyEarned, TitleState next, Set<Integer> missing) {}

  private static final Comparator<EarnedTrophy> EARNED_ORDER =
      Comparator.comparing(EarnedTrophy::earnedAt).thenComparingInt(EarnedTrophy::trophyId);

  private TrophyDiffer() {}

  /**
   * Diffs one title.
   *
   * @param prior the title's state, or null when the watch never saw the title
   * @param entry the title's list entry now
   * @param earnedNow the trophies the account has earned in the title now
   */
  public static Result diff(TitleState prior, TitleEntry entry, List<EarnedTrophy> earnedNow) {
    List<EarnedTrophy> sorted = new ArrayList<>(earnedNow);
    sorted.sort(EARNED_ORDER);
    Set<Integer> nowIds = new TreeSet<>();
    sorted.forEach(t -> nowIds.add(t.trophyId()));

    List<EarnedTrophy> fresh = new ArrayList<>();
    Set<Integer> missing = new TreeSet<>();
    Set<Integer> nextIds = new TreeSet<>(nowIds);
    if (prior == null) {
      fresh.addAll(sorted);
    } else if (prior.earnedIds() != null) {
      for (EarnedTrophy trophy : sorted) {
        if (!prior.earnedIds().contains(trophy.trophyId())) {
          fresh.add(trophy);
        }
      }
      for (Integer known : prior.earnedIds()) {
        if (!nowIds.contains(known)) {
          missing.add(known);
        }
      }
      nextIds.addAll(prior.earnedIds());
    } else {
      fresh.addAll(byTimeAndCount(prior, sorted));
    }
    Instant lastUpdated =
        prior != null && prior.lastUpdated().isAfter(entry.lastUpdated())
            ? prior.lastUpdated()
            : entry.lastUpdated();
    int count = Math.max(entry.earned().total(), nextIds.size());
    return new Result(List.copyOf(fresh), new TitleState(lastUpdated, count, nextIds), missing);
  }

  private static List<EarnedTrophy> byTimeAndCount(TitleState prior, List<EarnedTrophy> sorted) {
    List<EarnedTrophy> fresh = new ArrayList<>();
    List<EarnedTrophy> older = new ArrayList<>();
    for (EarnedTrophy trophy : sorted) {
      (trophy.earnedAt().isAfter(prior.lastUpdated()) ? fresh : older).add(trophy);
    }
    int grownBy = sorted.size() - prior.earnedCount();
    for (int i = older.size() - 1; i >= 0 && fresh.size() < grownBy; i--) {
      fresh.add(older.get(i));
    }
    fresh.sort(EARNED_ORDER);
    return fresh;
  }
}
