package io.pitwall.source.psn;

import io.pitwall.core.psn.PsnWatchState;
import io.pitwall.core.psn.TrophyEarnedChange;
import java.util.List;

/**
 * What one poll of a PSN watch found.
 *
 * @param next the watch's state after the poll (to commit with the changes)
 * @param changes new earns, in earned order
 * @param requests upstream requests the poll made
 * @param baseline whether this poll took the watch's baseline
 * @param skippedTitles changed titles whose trophies could not be read this time (retried next
 *     poll: their state is not advanced)
 */
public record PsnPollResult(
    PsnWatchState next,
    List<TrophyEarnedChange> changes,
    int requests,
    boolean baseline,
    int skippedTitles) {}
