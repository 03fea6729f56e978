package io.pitwall.source.psn;

import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.events.TrophyEarned;
import io.pitwall.source.api.BasicSourcePoller;
import io.pitwall.source.api.Outcomes;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.api.PriorStates;
import io.pitwall.source.api.WatchResult;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/** PSN watches, one per poll: watermark polling and TrophyEarned events. */
final class PsnSourcePoller extends BasicSourcePoller {

  private final PsnPoller poller;
  private final PriorStates<PsnWatchState> states;
  private final String topic;

  PsnSourcePoller(
      PsnPoller poller, TokenBucket budget, PriorStates<PsnWatchState> states, String topic) {
    super(PsnPlugin.ID, 1, budget);
    this.poller = poller;
    this.states = states;
    this.topic = topic;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchDefinition> batch, Instant detectedAt) {
    WatchDefinition watch = batch.get(0);
    String key = watch.key().toString();
    PsnWatchState prior = states.prior(key);
    boolean backfill = watch.options().flag(PsnPlugin.BACKFILL.name());
    return Mono.fromCompletionStage(
            () -> poller.poll(watch.key().accountId(), prior, backfill).toCompletionStage())
        .map(
            result -> {
              List<OutgoingEvent> events = new ArrayList<>();
              List<Duration> lags = new ArrayList<>();
              for (TrophyEarnedChange change : result.changes()) {
                TrophyEarned event =
                    TrophyEarnedMapper.toEvent(watch.key(), watch.label(), change, detectedAt);
                events.add(new OutgoingEvent(topic, key, event));
                lags.add(
                    Duration.between(
                        event.getEnvelope().getEventTime(), event.getEnvelope().getDetectedAt()));
              }
              byte[] state = states.changed(prior, result.next());
              String detail = detail(result, backfill, events.size());
              List<Instant> history =
                  result.next().titles().values().stream().map(t -> t.lastUpdated()).toList();
              return List.of(
                  new WatchResult(
                      watch,
                      PollOutcome.OK,
                      detail,
                      events,
                      state,
                      lags,
                      result.baseline(),
                      history));
            })
        .onErrorResume(e -> Mono.just(Outcomes.all(batch, PsnException.of(e))));
  }

  /** What a poll did, for the watch's status and the log. */
  static String detail(PsnPollResult result, boolean backfill, int events) {
    String backfilled = backfill ? ", " + events + " earlier trophies backfilled" : "";
    if (result.baselineInProgress()) {
      return "baseline in progress: "
          + result.next().titles().size()
          + " titles read"
          + backfilled
          + ", resuming at offset "
          + result.next().resumeAt()
          + " next poll (interrupted: "
          + result.interruption()
          + ")";
    }
    if (result.baseline()) {
      return "baseline of " + result.next().titles().size() + " titles taken" + backfilled;
    }
    return events + " new";
  }
}
