package io.pitwall.app.engine;

import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;
import io.pitwall.events.EventType;
import io.pitwall.events.WatchStatusChanged;
import io.pitwall.events.WatchStatusMapper;
import io.pitwall.kafka.publish.OutgoingEvent;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.TransactionalPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each watch's last poll outcome: counted, logged when it changes (and on baselines), published as
 * a {@link WatchStatusChanged} on every transition (never a silent death), and shown in /health.
 */
final class WatchStatuses {

  private static final Logger LOG = LoggerFactory.getLogger(WatchStatuses.class);

  private final Map<String, PollOutcome> last = new ConcurrentHashMap<>();
  private final TransactionalPublisher publisher;
  private final PitwallMetrics metrics;
  private final Clock clock;
  private final String topic;

  WatchStatuses(
      TransactionalPublisher publisher, PitwallMetrics metrics, Clock clock, String prefix) {
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
    this.topic = EventType.WATCH_STATUS_CHANGED.topic(prefix);
  }

  /** Records how a poll ended. */
  void record(Source source, WatchResult result) {
    metrics.poll(source.id(), result.outcome());
    WatchKey key = result.watch().key();
    PollOutcome previous = last.put(key.toString(), result.outcome());
    boolean changed = result.outcome() != previous;
    if (changed || result.baseline()) {
      if (result.outcome() == PollOutcome.OK) {
        LOG.info("{}: {} ({})", key, result.outcome(), result.detail());
      } else {
        LOG.warn("{}: {}: {}", key, result.outcome(), result.detail());
      }
    }
    if (changed) {
      publish(
          WatchStatusMapper.toEvent(
              key,
              result.watch().label(),
              result.outcome(),
              previous,
              String.valueOf(result.detail()),
              clock.instant()));
    }
  }

  /** A watch's last poll outcome, empty before its first poll. */
  Optional<PollOutcome> statusOf(String key) {
    return Optional.ofNullable(last.get(key));
  }

  private void publish(WatchStatusChanged event) {
    String key = event.getEnvelope().getSource() + ":" + event.getEnvelope().getAccountId();
    publisher
        .publish(new PublishBatch(List.of(new OutgoingEvent(topic, key, event)), Map.of()))
        .whenComplete(
            (v, e) -> {
              if (e == null) {
                metrics.published(event.getSchema().getName(), 1);
              } else {
                LOG.warn("{}: could not publish its status change: {}", key, e.getMessage());
              }
            });
  }
}
