package io.pitwall.source.example;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.source.api.BasicSourcePoller;
import io.pitwall.source.api.Outcomes;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.WatchResult;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Polls one driver per poll: reads the best lap, diffs it against the committed state, and returns
 * the {@code BestLapImproved} event (if any) with the next state, which the engine publishes
 * together in one transaction. A failure becomes the watch's named outcome, never an error signal.
 */
final class ExampleSourcePoller extends BasicSourcePoller {

  private final BestLapClient client;
  private final PriorStates<BestLapState> states;
  private final String topic;

  /**
   * @param client the credential's client
   * @param budget the credential's budget
   * @param states the committed states
   * @param topic the topic of {@code BestLapImproved}, with the configured prefix
   */
  ExampleSourcePoller(
      BestLapClient client, TokenBucket budget, PriorStates<BestLapState> states, String topic) {
    super(ExamplePlugin.ID, 1, budget);
    this.client = client;
    this.states = states;
    this.topic = topic;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt) {
    WatchDefinition watch = batch.get(0);
    BestLapState prior = states.prior(watch.key().toString());
    return Mono.fromCompletionStage(
            () -> client.bestLap(watch.key().accountId()).toCompletionStage())
        .map(lap -> List.of(result(watch, prior, lap, detectedAt)))
        .onErrorResume(e -> Mono.just(Outcomes.all(batch, e)));
  }

  private WatchResult result(
      WatchDefinition watch, BestLapState prior, BestLap lap, Instant detectedAt) {
    BestLapDiffer.Result diff = BestLapDiffer.diff(prior, lap);
    List<OutgoingEvent> events =
        diff.improvement().stream()
            .map(
                improvement ->
                    new OutgoingEvent(
                        topic,
                        watch.key().toString(),
                        BestLapImprovedMapper.toEvent(
                            watch.key(), watch.label(), lap.driver(), improvement, detectedAt)))
            .toList();
    return new WatchResult(
        watch,
        PollOutcome.OK,
        prior.isEmpty() ? "baseline taken" : events.size() + " new",
        events,
        states.changed(prior, diff.next()),
        List.of(),
        prior.isEmpty());
  }
}
