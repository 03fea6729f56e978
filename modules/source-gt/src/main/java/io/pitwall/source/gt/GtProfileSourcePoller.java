package io.pitwall.source.gt;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.gt.GtCatalog;
import io.pitwall.gt.GtEvents;
import io.pitwall.gt.GtWatchState;
import io.pitwall.source.api.BasicSourcePoller;
import io.pitwall.source.api.Outcomes;
import io.pitwall.source.api.SourceContext;
import io.pitwall.source.api.WatchResult;
import io.pitwall.source.common.NoBudgetShareException;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * GT Sport profiles, one per poll: job 3 every poll, rating class changes named with the favourite
 * manufacturer and current car from the gtgridstats catalog when a key is configured.
 */
final class GtProfileSourcePoller extends BasicSourcePoller {

  private static final Logger LOG = LoggerFactory.getLogger(GtProfileSourcePoller.class);

  private final GtProfilePoller poller;
  private final GtEvents events;
  private final SourceContext context;

  /**
   * @param context where the gtgridstats source shares its catalog, which names manufacturers and
   *     cars in rating events (none without a gtgridstats key)
   */
  GtProfileSourcePoller(
      GtProfilePoller poller, TokenBucket budget, GtEvents events, SourceContext context) {
    super(GtProfilePlugin.ID, 1, budget);
    this.poller = poller;
    this.events = events;
    this.context = context;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt) {
    WatchDefinition watch = batch.get(0);
    GtWatchState prior = events.prior(watch);
    return Mono.fromCompletionStage(
            () -> poller.poll(watch.key().accountId(), prior).toCompletionStage())
        .flatMap(
            poll ->
                names(poll)
                    .map(
                        n ->
                            List.of(
                                events.result(watch, prior, poll.diff(), detectedAt, n[0], n[1]))))
        .onErrorResume(e -> Mono.just(Outcomes.all(batch, e)));
  }

  /**
   * Manufacturer and car names, looked up only when a rating event will carry them. A retriable
   * catalog failure (429, 5xx, timeout, connection) fails the poll, so that nothing is committed
   * and the next poll detects the change again with its names; a permanent one (bad key) publishes
   * without names.
   */
  private Mono<String[]> names(GtProfilePoller.Poll poll) {
    GtCatalog catalog = context.shared(GtCatalog.class).orElse(null);
    if (catalog == null || poll.diff().ratings().isEmpty()) {
      return Mono.just(new String[2]);
    }
    Future<Optional<String>> manufacturer =
        poll.manufacturerId() == null
            ? Future.succeededFuture(Optional.empty())
            : catalog.manufacturer(poll.manufacturerId());
    Future<Optional<String>> car =
        poll.rideCarId() == null
            ? Future.succeededFuture(Optional.empty())
            : catalog.car(Integer.toString(poll.rideCarId()));
    return Mono.fromCompletionStage(Future.all(manufacturer, car).toCompletionStage())
        .map(all -> new String[] {manufacturer.result().orElse(null), car.result().orElse(null)})
        .onErrorResume(
            GtProfileSourcePoller::isPermanent,
            e -> {
              LOG.warn(
                  "gtgridstats catalog unusable ({}); rating events go without names",
                  e.getMessage());
              return Mono.just(new String[2]);
            });
  }

  /**
   * Whether a catalog failure is one that trying again cannot mend, so the event goes without
   * names: any but a 429 or an upstream error, and a refusal because this instance has no share of
   * the gtgridstats budget (it owns no gtgridstats watch, so the fleet gave the whole budget to
   * others: retrying would hold the GT Sport change back until this instance happens to own one).
   */
  static boolean isPermanent(Throwable e) {
    if (NoBudgetShareException.isIn(e)) {
      return true;
    }
    PollOutcome outcome = Outcomes.of(e);
    return outcome != PollOutcome.RATE_LIMITED && outcome != PollOutcome.UPSTREAM_ERROR;
  }
}
