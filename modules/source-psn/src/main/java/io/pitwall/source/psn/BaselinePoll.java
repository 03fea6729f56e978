package io.pitwall.source.psn;

import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a watch without a baseline: walks the whole title list with large pages (and, for a
 * backfill, diffs each page's titles before reading the next), emitting nothing unless backfill was
 * asked. A retriable failure after some progress does not throw the progress away: the poll ends
 * with a checkpoint ({@link PsnWatchState#checkpoint}) that the next poll resumes from, so a
 * 2,000-title baseline or a long backfill survives a 5xx without reading again what it read.
 * Backfill events found before the failure are part of the checkpoint's result, published with it.
 */
final class BaselinePoll {

  private static final Logger LOG = LoggerFactory.getLogger(BaselinePoll.class);

  private final ConfirmedReads reads;
  private final TitleDiffs diffs;
  private final String accountId;
  private final PsnWatchState prior;
  private final boolean backfill;
  private final int limit;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<TitleEntry> seen = new ArrayList<>();
  private final TitleDiffs.Diffed diffed = new TitleDiffs.Diffed();
  private Instant firstSeen;
  private Integer interruptedAt;
  private String interruption;

  BaselinePoll(
      ConfirmedReads reads,
      TitleDiffs diffs,
      String accountId,
      PsnWatchState prior,
      boolean backfill,
      int limit) {
    this.reads = reads;
    this.diffs = diffs;
    this.accountId = accountId;
    this.prior = prior;
    this.backfill = backfill;
    this.limit = limit;
  }

  /** Runs the poll, once. */
  Future<PsnPollResult> run() {
    int start = prior.baselineInProgress() ? prior.resumeAt() : 0;
    return from(start).map(v -> result());
  }

  private Future<Void> from(int offset) {
    return step(offset).compose(next -> next == null ? Future.succeededFuture() : from(next));
  }

  /** Reads (and diffs) one page; the next page's offset, or null when done or interrupted. */
  private Future<Integer> step(int offset) {
    return reads
        .titles(accountId, prior, limit, offset, requests)
        .compose(
            page -> {
              if (firstSeen == null && !page.entries().isEmpty()) {
                firstSeen = page.entries().get(0).lastUpdated();
              }
              List<TitleEntry> toDiff =
                  backfill
                      ? page.entries().stream()
                          .filter(t -> t.earned().total() > 0 && !diffedBefore(t))
                          .toList()
                      : List.of();
              return diffs
                  .diffAll(accountId, PsnWatchState.EMPTY, toDiff, null, requests, diffed)
                  .map(
                      v -> {
                        seen.addAll(page.entries());
                        boolean last = page.nextOffset() == null || page.entries().isEmpty();
                        return last ? null : page.nextOffset();
                      });
            })
        .recover(e -> interrupt(offset, PsnException.of(e)));
  }

  /** Whether an earlier, checkpointed poll of this baseline already diffed the title. */
  private boolean diffedBefore(TitleEntry title) {
    return prior.title(title.npCommunicationId()) != null
        && prior.title(title.npCommunicationId()).earnedIds() != null;
  }

  private Future<Integer> interrupt(int offset, PsnException failure) {
    boolean progress = !seen.isEmpty() || !diffed.states.isEmpty();
    if (!failure.isRetriable() || !progress) {
      return Future.failedFuture(failure);
    }
    LOG.info(
        "{}: baseline interrupted at offset {} ({}); checkpointed, resuming there next poll",
        accountId,
        offset,
        failure.getMessage());
    interruptedAt = offset;
    interruption = failure.getMessage();
    return Future.succeededFuture(null);
  }

  private PsnPollResult result() {
    List<TitleEntry> kept = diffed.kept(seen);
    PsnWatchState next =
        interruptedAt == null
            ? prior.advance(kept, diffed.states)
            : prior.checkpoint(kept, diffed.states, firstSeen, interruptedAt);
    return new PsnPollResult(
        next, diffed.sortedChanges(), requests.get(), true, diffed.skipped.size(), interruption);
  }
}
