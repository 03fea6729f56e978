package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import java.util.List;

/**
 * What one poll of a PSN watch found.
 *
 * @param next the watch's state after the poll (to commit with the changes)
 * @param changes new earns, in earned order
 * @param requests upstream requests the poll made
 * @param baseline whether this poll took (or advanced) the watch's baseline
 * @param skippedTitles changed titles whose trophies could not be read this time (retried next
 *     poll: their state is not advanced)
 * @param interruption why a baseline stopped before its end (its progress is checkpointed in {@code
 *     next}, resumed by the next poll), or null
 */
public record PsnPollResult(
    PsnWatchState next,
    List<TrophyEarnedChange> changes,
    int requests,
    boolean baseline,
    int skippedTitles,
    String interruption) {

  /** Whether the baseline is still in progress after this poll. */
  public boolean baselineInProgress() {
    return next.baselineInProgress();
  }
}
