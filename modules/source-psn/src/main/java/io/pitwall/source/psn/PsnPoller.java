package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleListScan;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls one PSN account: reads {@code trophyTitles} newest first until the watermark, then the
 * earned trophies of each changed title (service name from the title record, group {@code all}),
 * diffs them against the prior state and describes each new earn with the shared title metadata.
 * Lists that look short, empty or private are read again before being believed ({@link
 * ConfirmedReads}).
 *
 * <p>The first poll of a watch is a baseline ({@link BaselinePoll}): it walks the whole list with
 * large pages and emits nothing, unless the watch asked for backfill, in which case every earned
 * trophy is emitted once. A baseline interrupted by a retriable failure is checkpointed and resumed
 * by the next poll.
 */
public final class PsnPoller {

  private final ConfirmedReads reads;
  private final TitleDiffs diffs;
  private final PsnSourceConfig config;

  /**
   * @param client the credential's API client
   * @param catalog the title metadata shared by the pool (fetched through {@code client})
   * @param config paging settings
   */
  public PsnPoller(PsnApiClient client, TitleCatalog catalog, PsnSourceConfig config) {
    this.reads = new ConfirmedReads(client);
    this.diffs = new TitleDiffs(reads, catalog, client);
    this.config = config;
  }

  /**
   * Polls an account.
   *
   * @param accountId the PSN account id ({@code me} for the credential's own account)
   * @param prior the watch's state
   * @param backfill whether a baseline should emit every earlier trophy
   * @return the result, or a failed future with a {@link PsnException} naming the outcome (any
   *     other failure is wrapped in one, so that its text is redacted)
   */
  public Future<PsnPollResult> poll(String accountId, PsnWatchState prior, boolean backfill) {
    Future<PsnPollResult> result =
        prior.baselined()
            ? steady(accountId, prior, backfill)
            : new BaselinePoll(reads, diffs, accountId, prior, backfill, config.baselinePageSize())
                .run();
    return result.recover(e -> Future.failedFuture(PsnException.of(e)));
  }

  private Future<PsnPollResult> steady(String accountId, PsnWatchState prior, boolean backfill) {
    AtomicInteger requests = new AtomicInteger();
    List<TitleEntry> seen = new ArrayList<>();
    List<TitleEntry> changed = new ArrayList<>();
    TitleDiffs.Diffed diffed = new TitleDiffs.Diffed();
    // a checkpointed baseline may have missed titles that moved while it was interrupted
    Instant unseenSince = backfill ? null : prior.since();
    return walk(accountId, prior, 0, seen, changed, requests)
        .compose(v -> diffs.diffAll(accountId, prior, changed, unseenSince, requests, diffed))
        .map(
            v ->
                new PsnPollResult(
                    prior.advance(diffed.kept(seen), diffed.states),
                    diffed.sortedChanges(),
                    requests.get(),
                    false,
                    diffed.skipped.size(),
                    null));
  }

  private Future<Void> walk(
      String accountId,
      PsnWatchState prior,
      int offset,
      List<TitleEntry> seen,
      List<TitleEntry> changed,
      AtomicInteger requests) {
    return reads
        .titles(accountId, prior, config.pageSize(), offset, requests)
        .compose(
            page -> {
              boolean lastPage = page.nextOffset() == null || page.entries().isEmpty();
              TitleListScan.Verdict verdict = TitleListScan.scan(prior, page.entries(), lastPage);
              seen.addAll(page.entries());
              changed.addAll(verdict.changed());
              if (verdict.needNextPage()) {
                return walk(accountId, prior, page.nextOffset(), seen, changed, requests);
              }
              return Future.succeededFuture();
            });
  }
}
