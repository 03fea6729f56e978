package io.pitwall.source.psn.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of the newest-first {@code trophyTitles} list against the prior state and decides
 * which titles changed and whether the next page is needed. In steady state the first page reaches
 * the watermark, so a poll costs one list request plus one per changed title.
 *
 * <p>A title changed when it is new, or its {@code lastUpdatedDateTime} or earned count differs
 * from the state. Paging stops at the first title older than the watermark, or at an unchanged
 * title exactly at it: everything after it is older still. Before the baseline, every page is
 * needed.
 */
public final class TitleListScan {

  /**
   * The verdict on one page.
   *
   * @param changed titles that changed, in list order
   * @param needNextPage whether the following page may hold more changes
   */
  public record Verdict(List<TitleEntry> changed, boolean needNextPage) {}

  private TitleListScan() {}

  /**
   * Scans a page.
   *
   * @param prior the watch's state
   * @param page the entries of this page, newest first
   * @param lastPage whether the API said there is no further page
   */
  public static Verdict scan(PsnWatchState prior, List<TitleEntry> page, boolean lastPage) {
    List<TitleEntry> changed = new ArrayList<>();
    boolean reachedWatermark = false;
    for (TitleEntry entry : page) {
      boolean isChanged = changed(prior, entry);
      if (isChanged) {
        changed.add(entry);
      }
      if (prior.baselined()) {
        int age = entry.lastUpdated().compareTo(prior.watermark());
        if (age < 0 || (age == 0 && !isChanged)) {
          reachedWatermark = true;
        }
      }
    }
    return new Verdict(List.copyOf(changed), !lastPage && !reachedWatermark);
  }

  /** Whether the entry differs from what the state remembers of the title. */
  public static boolean changed(PsnWatchState prior, TitleEntry entry) {
    TitleState known = prior.title(entry.npCommunicationId());
    return known == null
        || !known.lastUpdated().equals(entry.lastUpdated())
        || known.earnedCount() != entry.earned().total();
  }
}
