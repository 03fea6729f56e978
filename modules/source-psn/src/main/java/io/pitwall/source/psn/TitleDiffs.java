package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleState;
import io.pitwall.source.psn.diff.TrophyDiffer;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import io.pitwall.source.psn.diff.TrophyMeta;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diffs changed titles, one after another (bounded load per watch): reads each title's earned
 * trophies, diffs them against the prior state and describes each new earn with the shared title
 * metadata, fetched through the client of the credential doing the poll. A title whose trophies
 * cannot be read yet (404) or whose list stays truncated is skipped (its state kept, retried next
 * poll).
 */
final class TitleDiffs {

  private static final Logger LOG = LoggerFactory.getLogger(TitleDiffs.class);

  private final ConfirmedReads reads;
  private final TitleCatalog catalog;
  private final PsnApiClient client;

  TitleDiffs(ConfirmedReads reads, TitleCatalog catalog, PsnApiClient client) {
    this.reads = reads;
    this.catalog = catalog;
    this.client = client;
  }

  /**
   * Diffs titles in order into {@code into}; stops at the first failure, keeping what was diffed.
   *
   * @param unseenSince when not null, a title the prior state never saw emits only trophies earned
   *     after it
   */
  Future<Void> diffAll(
      String accountId,
      PsnWatchState prior,
      List<TitleEntry> titles,
      Instant unseenSince,
      AtomicInteger requests,
      Diffed into) {
    Future<Void> chain = Future.succeededFuture();
    for (TitleEntry title : titles) {
      chain = chain.compose(v -> diffOne(accountId, prior, title, unseenSince, requests, into));
    }
    return chain;
  }

  private Future<Void> diffOne(
      String accountId,
      PsnWatchState prior,
      TitleEntry title,
      Instant unseenSince,
      AtomicInteger requests,
      Diffed into) {
    String id = title.npCommunicationId();
    return reads
        .earned(accountId, title, requests)
        .<Void>compose(
            earned -> {
              if (earned == null) {
                LOG.info(
                    "{} {}: earned trophies list stayed truncated; title kept as known, retried"
                        + " next poll",
                    accountId,
                    id);
                into.skipped.add(id);
                return Future.succeededFuture();
              }
              TitleState known = prior.title(id);
              TrophyDiffer.Result result = TrophyDiffer.diff(known, title, earned.earned());
              if (!result.missing().isEmpty()) {
                LOG.info(
                    "{} {}: {} earned trophies missing from this observation; kept, not emitted",
                    accountId,
                    id,
                    result.missing().size());
              }
              List<EarnedTrophy> fresh = result.newlyEarned();
              if (known == null && unseenSince != null) {
                fresh = fresh.stream().filter(t -> t.earnedAt().isAfter(unseenSince)).toList();
              }
              if (fresh.isEmpty()) {
                into.states.put(id, result.next());
                return Future.succeededFuture();
              }
              return describe(title, fresh)
                  .<Void>map(
                      changes -> {
                        into.changes.addAll(changes);
                        into.states.put(id, result.next());
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
                    id,
                    e.getMessage());
                into.skipped.add(id);
                return Future.succeededFuture();
              }
              return Future.failedFuture(e);
            });
  }

  private Future<List<TrophyEarnedChange>> describe(TitleEntry title, List<EarnedTrophy> earned) {
    return catalog
        .metadata(client, title)
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
  static final class Diffed {
    final List<TrophyEarnedChange> changes = new ArrayList<>();
    final Map<String, TitleState> states = new HashMap<>();
    final Set<String> skipped = new HashSet<>();

    /** The changes in earned order (time, then title, then trophy). */
    List<TrophyEarnedChange> sortedChanges() {
      List<TrophyEarnedChange> sorted = new ArrayList<>(changes);
      sorted.sort(
          Comparator.comparing((TrophyEarnedChange c) -> c.earned().earnedAt())
              .thenComparing(c -> c.title().npCommunicationId())
              .thenComparingInt(c -> c.trophy().trophyId()));
      return List.copyOf(sorted);
    }

    /** The entries of titles not skipped. */
    List<TitleEntry> kept(List<TitleEntry> seen) {
      return seen.stream().filter(e -> !skipped.contains(e.npCommunicationId())).toList();
    }
  }
}
