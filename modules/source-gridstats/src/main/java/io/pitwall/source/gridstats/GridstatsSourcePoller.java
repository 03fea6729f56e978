package io.pitwall.source.gridstats;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.GtEvents;
import io.pitwall.gt.GtWatchState;
import io.pitwall.source.api.BasicSourcePoller;
import io.pitwall.source.api.Outcomes;
import io.pitwall.source.api.WatchResult;
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
    super(GridstatsPlugin.ID, batchSize, budget);
    this.poller = poller;
    this.events = events;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt) {
    Map<String, GtWatchState> priors = new HashMap<>();
    List<GridstatsPoller.Watch> watches = new ArrayList<>();
    for (WatchDefinition w : batch) {
      GtWatchState prior = events.prior(w);
      priors.put(w.key().accountId(), prior);
      watches.add(
          new GridstatsPoller.Watch(
              w.key().accountId(), w.options().list(GridstatsPlugin.SERIES.name()), prior));
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
