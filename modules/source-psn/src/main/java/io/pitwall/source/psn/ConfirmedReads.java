package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PSN lists the way psn100 does: confirm before believing. An answer that looks wrong is read
 * once more before Pitwall acts on it:
 *
 * <ul>
 *   <li>a {@code trophyTitles} page with fewer items than {@code totalItemCount} promises for its
 *       offset and limit: if it stays short, the poll fails (retriable {@link
 *       PollOutcome#UPSTREAM_ERROR}), because a list with holes taken as a baseline later floods
 *       the missing titles' whole history as new trophies;
 *   <li>an empty answer where titles are expected (before the baseline, or when the state knows
 *       titles): believed only when the second read is empty too;
 *   <li>"private" (403 code 2240526) for a list that was readable: believed on the second answer;
 *   <li>an earned-trophy list shorter than its {@code totalItemCount}: if it stays short, the title
 *       is skipped this poll (its state kept, retried next poll), so that a truncated list never
 *       un-earns a known trophy nor makes it new again later.
 * </ul>
 */
final class ConfirmedReads {

  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedReads.class);

  private final PsnApiClient client;

  /**
   * @param client the credential's API client
   */
  ConfirmedReads(PsnApiClient client) {
    this.client = client;
  }

  /** A title page, read again when it looks short or empty, or turned private. */
  Future<TitlePage> titles(
      String accountId, PsnWatchState prior, int limit, int offset, AtomicInteger requests) {
    return titlesOnce(accountId, prior, limit, offset, requests)
        .compose(
            page -> {
              String doubt = doubt(page, prior, limit, offset);
              if (doubt == null) {
                return Future.succeededFuture(page);
              }
              LOG.info(
                  "{}: trophyTitles at offset {} {}; reading it again before believing it",
                  accountId,
                  offset,
                  doubt);
              return titlesOnce(accountId, prior, limit, offset, requests)
                  .compose(again -> believe(accountId, prior, limit, offset, again));
            });
  }

  /** A title's earned trophies, read again when truncated; null when it stays truncated. */
  Future<EarnedList> earned(String accountId, TitleEntry title, AtomicInteger requests) {
    requests.incrementAndGet();
    return client
        .earned(accountId, title)
        .compose(
            list -> {
              if (!list.truncated()) {
                return Future.succeededFuture(list);
              }
              LOG.info(
                  "{} {}: earned trophies list truncated ({} of {}); reading it again",
                  accountId,
                  title.npCommunicationId(),
                  list.listed(),
                  list.totalItemCount());
              requests.incrementAndGet();
              return client.earned(accountId, title).map(again -> again.truncated() ? null : again);
            });
  }

  private Future<TitlePage> believe(
      String accountId, PsnWatchState prior, int limit, int offset, TitlePage again) {
    String doubt = doubt(again, prior, limit, offset);
    if (doubt == null || again.totalItemCount() == 0) {
      return Future.succeededFuture(again);
    }
    return Future.failedFuture(
        new PsnException(
            PollOutcome.UPSTREAM_ERROR,
            "PSN trophyTitles of "
                + accountId
                + " at offset "
                + offset
                + " "
                + doubt
                + " twice in a row; "
                + (prior.baselined() ? "" : "no baseline taken from it; ")
                + "retrying next poll"));
  }

  private Future<TitlePage> titlesOnce(
      String accountId, PsnWatchState prior, int limit, int offset, AtomicInteger requests) {
    requests.incrementAndGet();
    return client
        .titles(accountId, limit, offset)
        .recover(
            e -> {
              if (!(e instanceof PsnException psn)
                  || psn.outcome() != PollOutcome.PRIVATE
                  || !prior.baselined()) {
                return Future.failedFuture(e);
              }
              LOG.info("{}: a readable trophy list answered private; asking again", accountId);
              requests.incrementAndGet();
              return client.titles(accountId, limit, offset);
            });
  }

  /** What looks wrong with a page, or null. */
  private static String doubt(TitlePage page, PsnWatchState prior, int limit, int offset) {
    int expected = Math.max(0, Math.min(limit, page.totalItemCount() - offset));
    if (page.entries().size() < expected) {
      return "listed "
          + page.entries().size()
          + " of the "
          + expected
          + " titles its totalItemCount "
          + page.totalItemCount()
          + " promises";
    }
    boolean titlesExpected = !prior.baselined() || !prior.titles().isEmpty();
    if (offset == 0 && page.entries().isEmpty() && titlesExpected) {
      return "was empty (totalItemCount " + page.totalItemCount() + ")";
    }
    return null;
  }
}
