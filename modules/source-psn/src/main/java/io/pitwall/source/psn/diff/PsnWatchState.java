package io.pitwall.source.psn.diff;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prior snapshot of one PSN watch: every title seen, and the watermark (the newest {@code
 * lastUpdatedDateTime} seen), below which the newest-first title list holds nothing new.
 *
 * <p>A baseline interrupted by a retriable failure is checkpointed: no watermark yet, the titles
 * read so far, {@code resumeAt} (the offset of the first title page not read, or not diffed for
 * backfill, completely) and {@code since}, the newest title update the baseline saw first. A
 * baseline that was checkpointed keeps {@code since} after it completes: a title it never saw
 * (moved to the list's head while the baseline was interrupted) emits only trophies earned after
 * {@code since}, never the history before the watch began.
 *
 * @param watermark newest title update seen, or null before the baseline
 * @param titles state by npCommunicationId
 * @param since the newest title update when a checkpointed baseline began, or null
 * @param resumeAt offset of the next title page of a baseline in progress, or null
 */
public record PsnWatchState(
    Instant watermark, Map<String, TitleState> titles, Instant since, Integer resumeAt) {

  /** The state of a watch that was never polled. */
  public static final PsnWatchState EMPTY = new PsnWatchState(null, Map.of());

  public PsnWatchState {
    Objects.requireNonNull(titles, "titles");
    titles = Map.copyOf(titles);
    if (watermark != null && resumeAt != null) {
      throw new IllegalArgumentException("a baselined state has no resumeAt");
    }
    if ((resumeAt != null) != (watermark == null && since != null)) {
      throw new IllegalArgumentException("a baseline in progress has both resumeAt and since");
    }
  }

  /** A state without baseline progress. */
  public PsnWatchState(Instant watermark, Map<String, TitleState> titles) {
    this(watermark, titles, null, null);
  }

  /** Whether a baseline has been taken. */
  public boolean baselined() {
    return watermark != null;
  }

  /** Whether a baseline was started, checkpointed, and is not complete yet. */
  public boolean baselineInProgress() {
    return watermark == null && since != null;
  }

  /**
   * The state after a poll.
   *
   * @param seen every list entry the poll read
   * @param diffed the new state of titles whose trophies were fetched and diffed
   * @return titles updated (diffed ones as diffed, unseen-before ones as seen in the list, others
   *     kept), and the watermark raised to the newest entry seen (at the end of a baseline, the
   *     newest title known); an empty account's first poll still counts as a baseline
   */
  public PsnWatchState advance(List<TitleEntry> seen, Map<String, TitleState> diffed) {
    Map<String, TitleState> next = merged(seen, diffed);
    Instant newest = watermark == null ? Instant.EPOCH : watermark;
    Iterable<Instant> candidates =
        watermark == null
            ? next.values().stream().map(TitleState::lastUpdated).toList()
            : seen.stream().map(TitleEntry::lastUpdated).toList();
    for (Instant updated : candidates) {
      if (updated.isAfter(newest)) {
        newest = updated;
      }
    }
    return new PsnWatchState(newest, next, since, null);
  }

  /**
   * A checkpoint of a baseline interrupted after some progress.
   *
   * @param seen the list entries of the pages read (and, with backfill, diffed) completely
   * @param diffed the new state of titles diffed so far
   * @param firstSeen the newest title update of the baseline's first page (kept when this state
   *     already has a since)
   * @param nextOffset the offset of the first page not read (or diffed) completely
   */
  public PsnWatchState checkpoint(
      List<TitleEntry> seen, Map<String, TitleState> diffed, Instant firstSeen, int nextOffset) {
    if (baselined()) {
      throw new IllegalStateException("only a baseline is checkpointed");
    }
    return new PsnWatchState(
        null, merged(seen, diffed), since != null ? since : firstSeen, nextOffset);
  }

  /** The title's state, or null. */
  public TitleState title(String npCommunicationId) {
    return titles.get(npCommunicationId);
  }

  private Map<String, TitleState> merged(List<TitleEntry> seen, Map<String, TitleState> diffed) {
    Map<String, TitleState> next = new HashMap<>(titles);
    for (TitleEntry entry : seen) {
      if (!next.containsKey(entry.npCommunicationId())) {
        next.put(
            entry.npCommunicationId(),
            new TitleState(entry.lastUpdated(), entry.earned().total(), null));
      }
    }
    next.putAll(diffed);
    return next;
  }
}
