package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.EarnedTrophy;
import java.util.List;

/**
 * One answer of an account's earned trophies of a title.
 *
 * @param earned the earned trophies
 * @param listed how many trophies (earned or not) the answer listed
 * @param totalItemCount how many trophies the answer says the title has
 */
public record EarnedList(List<EarnedTrophy> earned, int listed, int totalItemCount) {

  public EarnedList {
    earned = List.copyOf(earned);
  }

  /** Whether the answer listed fewer trophies than it counted (a truncated list). */
  public boolean truncated() {
    return listed < totalItemCount;
  }
}
