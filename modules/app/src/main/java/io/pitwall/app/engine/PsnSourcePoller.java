package io.pitwall.app.engine;

import io.pitwall.app.config.WatchSpec;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.Source;
import io.pitwall.core.budget.TokenBucket;
import io.pitwall.core.psn.PsnWatchState;
import io.pitwall.core.psn.TrophyEarnedChange;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.TrophyEarnedMapper;
import io.pitwall.kafka.publish.OutgoingEvent;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.state.PsnStateCodec;
import io.pitwall.source.psn.PsnException;
import io.pitwall.source.psn.PsnPollResult;
import io.pitwall.source.psn.PsnPoller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** PSN watches, one per poll: watermark polling and TrophyEarned events. */
final class PsnSourcePoller extends BasicSourcePoller {

  private static final Logger LOG = LoggerFactory.getLogger(PsnSourcePoller.class);

  private final PsnPoller poller;
  private final KafkaStateStore states;
  private final String topic;

  PsnSourcePoller(PsnPoller poller, TokenBucket budget, KafkaStateStore states, String topic) {
    super(Source.PSN, 1, budget);
    this.poller = poller;
    this.states = states;
    this.topic = topic;
  }

  @Override
  public Mono<List<WatchResult>> poll(List<WatchSpec> batch, Instant detectedAt) {
    WatchSpec watch = batch.get(0);
    String key = watch.key().toString();
    PsnWatchState prior = prior(key);
    return Mono.fromCompletionStage(
            () -> poller.poll(watch.key().accountId(), prior, watch.backfill()).toCompletionStage())
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
              byte[] state =
                  result.next().equals(prior) ? null : PsnStateCodec.encode(result.next());
              String detail = detail(result, watch.backfill(), events.size());
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

  private PsnWatchState prior(String key) {
    byte[] stored = states.get(key);
    try {
      return stored == null ? PsnWatchState.EMPTY : PsnStateCodec.decode(stored);
    } catch (IllegalArgumentException corrupt) {
      LOG.error(
          "{}: stored state unreadable ({}); taking a new baseline", key, corrupt.getMessage());
      return PsnWatchState.EMPTY;
    }
  }
}
