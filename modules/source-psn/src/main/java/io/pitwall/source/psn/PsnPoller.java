package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.psn.EarnedTrophy;
import io.pitwall.core.psn.PsnWatchState;
import io.pitwall.core.psn.TitleEntry;
import io.pitwall.core.psn.TitleListScan;
import io.pitwall.core.psn.TitleState;
import io.pitwall.core.psn.TrophyDiffer;
import io.pitwall.core.psn.TrophyEarnedChange;
import io.pitwall.core.psn.TrophyMeta;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one PSN account: reads {@code trophyTitles} newest first until the watermark, then the
 * earned trophies of each changed title (service name from the title record, group {@code all}),
 * diffs them against the prior state and describes each new earn with the shared title metadata.
 * Lists that look short, empty or private are read again before being believed ({@link
 * ConfirmedReads}).
 *
 * <p>The first poll of a watch is a baseline: it walks the whole list with large pages and emits
 * nothing, unless the watch asked for backfill, in which case every earned trophy is emitted once,
 * in earned order.
 */
public final class PsnPoller {

  private static final Logger LOG = LoggerFactory.getLogger(PsnPoller.class);

  private final ConfirmedReads reads;
  private final TitleCatalog catalog;
  private final PsnSourceConfig config;

  /**
   * @param client the credential's API client
   * @param catalog the shared title metadata
   * @param config paging settings
   */
  public PsnPoller(PsnApiClient client, TitleCatalog catalog, PsnSourceConfig config) {
    this.reads = new ConfirmedReads(client);
    this.catalog = catalog;
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
    AtomicInteger requests = new AtomicInteger();
    boolean baseline = !prior.baselined();
    int limit = baseline ? config.baselinePageSize() : config.pageSize();
    List<TitleEntry> seen = new ArrayList<>();
    List<TitleEntry> changed = new ArrayList<>();
    return walk(accountId, prior, limit, 0, seen, changed, requests)
        .compose(
            v -> {
              List<TitleEntry> toDiff =
                  baseline ? (backfill ? withEarned(seen) : List.of()) : changed;
              PsnWatchState diffBase = baseline ? PsnWatchState.EMPTY : prior;
              return diffAll(accountId, diffBase, toDiff, requests)
                  .map(
                      diffed -> {
                        List<TrophyEarnedChange> changes = new ArrayList<>(diffed.changes);
                        changes.sort(
                            Comparator.comparing((TrophyEarnedChange c) -> c.earned().earnedAt())
                                .thenComparing(c -> c.title().npCommunicationId())
                                .thenComparingInt(c -> c.trophy().trophyId()));
                        PsnWatchState next =
                            prior.advance(
                                seen.stream()
                                    .filter(e -> !diffed.skipped.contains(e.npCommunicationId()))
                                    .toList(),
                                diffed.states);
                        return new PsnPollResult(
                            next,
                            List.copyOf(changes),
                            requests.get(),
                            baseline,
                            diffed.skipped.size());
                      });
            })
        .recover(e -> Future.failedFuture(PsnException.of(e)));
  }

  private Future<Void> walk(
      String accountId,
      PsnWatchState prior,
      int limit,
      int offset,
      List<TitleEntry> seen,
      List<TitleEntry> changed,
      AtomicInteger requests) {
    return reads
        .titles(accountId, prior, limit, offset, requests)
        .compose(
            page -> {
              boolean lastPage = page.nextOffset() == null || page.entries().isEmpty();
              TitleListScan.Verdict verdict = TitleListScan.scan(prior, page.entries(), lastPage);
              seen.addAll(page.entries());
              changed.addAll(verdict.changed());
              if (verdict.needNextPage()) {
                return walk(accountId, prior, limit, page.nextOffset(), seen, changed, requests);
              }
              return Future.succeededFuture();
            });
  }

  private static List<TitleEntry> withEarned(List<TitleEntry> titles) {
    return titles.stream().filter(t -> t.earned().total() > 0).toList();
  }

  /** The diff of every changed title, one title after another (bounded load per watch). */
  private Future<Diffed> diffAll(
      String accountId, PsnWatchState prior, List<TitleEntry> titles, AtomicInteger requests) {
    Diffed diffed = new Diffed();
    Future<Void> chain = Future.succeededFuture();
    for (TitleEntry title : titles) {
      chain = chain.compose(v -> diffOne(accountId, prior, title, requests, diffed));
    }
    return chain.map(v -> diffed);
  }

  private Future<Void> diffOne(
      String accountId,
      PsnWatchState prior,
      TitleEntry title,
      AtomicInteger requests,
      Diffed diffed) {
    return reads
        .earned(accountId, title, requests)
        .<Void>compose(
            earned -> {
              if (earned == null) {
                LOG.info(
                    "{} {}: earned trophies list stayed truncated; title kept as known, retried"
                        + " next poll",
                    accountId,
                    title.npCommunicationId());
                diffed.skipped.add(title.npCommunicationId());
                return Future.succeededFuture();
              }
              TrophyDiffer.Result result =
                  TrophyDiffer.diff(prior.title(title.npCommunicationId()), title, earned.earned());
              if (!result.missing().isEmpty()) {
                LOG.info(
                    "{} {}: {} earned trophies missing from this observation; kept, not emitted",
                    accountId,
                    title.npCommunicationId(),
                    result.missing().size());
              }
              if (result.newlyEarned().isEmpty()) {
                diffed.states.put(title.npCommunicationId(), result.next());
                return Future.succeededFuture();
              }
              return describe(title, result.newlyEarned())
                  .<Void>map(
                      changes -> {
                        diffed.changes.addAll(changes);
                        diffed.states.put(title.npCommunicationId(), result.next());
                        return null;
                      });
            })
        .recover(
            e -> {
              if (e instanceof PsnException psn && psn.outcome() == PollOutcome.NOT_FOUND) {
                // the list shows a title whose trophies cannot be read (yet): try again next poll
                LOG.info(
                    "{} {}: trophies not readable yet ({}); retrying next poll",
                    accountId,
                    title.npCommunicationId(),
                    e.getMessage());
                diffed.skipped.add(title.npCommunicationId());
                return Future.succeededFuture();
              }
              return Future.failedFuture(e);
            });
  }

  private Future<List<TrophyEarnedChange>> describe(TitleEntry title, List<EarnedTrophy> earned) {
    return catalog
        .metadata(title)
        .compose(
            meta -> {
              List<TrophyEarnedChange> changes = new ArrayList<>();
              for (EarnedTrophy trophy : earned) {
                TrophyMeta description = meta.trophies().get(trophy.trophyId());
                if (description == null) {
                  return Future.failedFuture(
                      new PsnException(
                          PollOutcome.UPSTREAM_ERROR,
                          "PSN metadata of "
                              + title.npCommunicationId()
                              + " "
                              + title.trophySetVersion()
                              + " lacks earned trophy "
                              + trophy.trophyId()));
                }
                changes.add(new TrophyEarnedChange(title, description, trophy));
              }
              return Future.succeededFuture(changes);
            });
  }

  /** Accumulates one poll's diffs. */
  private static final class Diffed {
    final List<TrophyEarnedChange> changes = new ArrayList<>();
    final Map<String, TitleState> states = new HashMap<>();
    final java.util.Set<String> skipped = new java.util.HashSet<>();
  }
}
