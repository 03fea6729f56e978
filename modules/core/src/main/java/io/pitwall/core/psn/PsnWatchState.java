package io.pitwall.core.psn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The prior snapshot of one PSN watch: every title seen, and the watermark (the newest {@code
 * lastUpdatedDateTime} seen), below which the newest-first title list holds nothing new.
 *
 * @param watermark newest title update seen, or null before the baseline
 * @param titles state by npCommunicationId
 */
public record PsnWatchState(Instant watermark, Map<String, TitleState> titles) {

  /** The state of a watch that was never polled. */
  public static final PsnWatchState EMPTY = new PsnWatchState(null, Map.of());

  public PsnWatchState {
    Objects.requireNonNull(titles, "titles");
    titles = Map.copyOf(new TreeMap<>(titles));
  }

  /** Whether a baseline has been taken. */
  public boolean baselined() {
    return watermark != null;
  }

  /**
   * The state after a poll.
   *
   * @param seen every list entry the poll read
   * @param diffed the new state of titles whose trophies were fetched and diffed
   * @return titles updated (diffed ones as diffed, unseen-before ones as seen in the list, others
   *     kept), and the watermark raised to the newest entry seen; an empty account's first poll
   *     still counts as a baseline
   */
  public PsnWatchState advance(List<TitleEntry> seen, Map<String, TitleState> diffed) {
    Map<String, TitleState> next = new TreeMap<>(titles);
    Instant newest = watermark == null ? Instant.EPOCH : watermark;
    for (TitleEntry entry : seen) {
      TitleState updated = diffed.get(entry.npCommunicationId());
      if (updated != null) {
        next.put(entry.npCommunicationId(), updated);
      } else if (!next.containsKey(entry.npCommunicationId())) {
        next.put(
            entry.npCommunicationId(),
            new TitleState(entry.lastUpdated(), entry.earned().total(), null));
      }
      if (entry.lastUpdated().isAfter(newest)) {
        newest = entry.lastUpdated();
      }
    }
    return new PsnWatchState(newest, next);
  }

  /** The title's state, or null. */
  public TitleState title(String npCommunicationId) {
    return titles.get(npCommunicationId);
  }
}
