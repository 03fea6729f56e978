package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.Source;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.gt.GtWatchState;
import io.pitwall.source.gridstats.GridstatsPoller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** gtgridstats drivers, coalesced into batches of up to 16 per racers request. */
final class GridstatsSourcePoller extends BasicSourcePoller {

  private final GridstatsPoller poller;
  private final GtEvents events;

  GridstatsSourcePoller(
      GridstatsPoller poller, TokenBucket budget, GtEvents events, int batchSize) {
    super(Source.GRIDSTATS, batchSize, budget);
    this.poller = poller;
    this.events = events;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchSpec> batch, Instant detectedAt) {
    Map<String, GtWatchState> priors = new HashMap<>();
    List<GridstatsPoller.Watch> watches = new ArrayList<>();
    for (WatchSpec w : batch) {
      GtWatchState prior = events.prior(w);
      priors.put(w.key().accountId(), prior);
      watches.add(new GridstatsPoller.Watch(w.key().accountId(), w.series(), prior));
    }
    return Mono.fromCompletionStage(() -> poller.poll(watches).toCompletionStage())
        .map(
            outcomes ->
                batch.stream()
                    .map(
                        w -> {
                          GridstatsPoller.Outcome outcome = outcomes.get(w.key().accountId());
                          if (outcome.failure() != null) {
                            return WatchResult.failed(
                                w, outcome.failure().outcome(), outcome.failure().getMessage());
                          }
                          return events.result(
                              w, priors.get(w.key().accountId()), outcome.diff(), detectedAt);
                        })
                    .toList())
        .onErrorResume(e -> Mono.just(Outcomes.all(batch, e)));
  }
}
