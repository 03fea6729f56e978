package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.Source;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.gt.GtWatchState;
import io.pitwall.source.gt.GtProfilePoller;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** GT Sport profiles, one per poll: job 3 every poll, rating class changes. */
final class GtProfileSourcePoller implements SourcePoller {

  private final GtProfilePoller poller;
  private final TokenBucket budget;
  private final GtEvents events;

  GtProfileSourcePoller(GtProfilePoller poller, TokenBucket budget, GtEvents events) {
    this.poller = poller;
    this.budget = budget;
    this.events = events;
  }

  @Override
  public Source source() {
    return Source.GT;
  }

  @Override
  public int batchSize() {
    return 1;
  }

  @Override
  public TokenBucket budget() {
    return budget;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchSpec> batch, Instant detectedAt) {
    WatchSpec watch = batch.get(0);
    GtWatchState prior = events.prior(watch);
    return Mono.fromCompletionStage(
            () -> poller.poll(watch.key().accountId(), prior).toCompletionStage())
        .map(diff -> List.of(events.result(watch, prior, diff, detectedAt)))
        .onErrorResume(e -> Mono.just(Outcomes.all(batch, e)));
  }
}
