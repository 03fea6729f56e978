package io.pitwall.chaos;

import java.util.List;

/**
 * What the checker found.
 *
 * @param changes ground-truth changes after the baselines
 * @param lost changes the events never reported (a watched value whose final state no event
 *     reached, or a gap in its chain of events)
 * @param duplicated events that repeat an earlier one (the same change again, or an event id again)
 * @param falseEvents events that match no ground-truth change
 * @param details one line per finding, for the log
 */
public record Verdict(
    int changes, int lost, int duplicated, int falseEvents, List<String> details) {

  /** Whether nothing was lost, duplicated or made up. */
  public boolean clean() {
    return lost == 0 && duplicated == 0 && falseEvents == 0;
  }
}
