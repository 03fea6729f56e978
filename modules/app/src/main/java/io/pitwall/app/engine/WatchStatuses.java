package io.pitwall.app.engine;

import io.pitwall.app.metrics.PitwallMetrics;
import io.pitwall.core.PollOutcome;
import io.pitwall.core.WatchKey;
import io.pitwall.events.WatchStatusChanged;
import io.pitwall.events.WatchStatusMapper;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.api.WatchResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each watch's last poll outcome: counted, logged when it changes (and on baselines), published as
 * a {@link WatchStatusChanged} on every transition (never a silent death), and shown in /health.
 *
 * <p>The last status of each watch is kept in the state topic (key {@code status/<watch>},
 * committed with its event), so a restart does not report a transition again, and a transition
 * detected again after a crash that lost it gets the same event id: the id is the watch's epoch
 * (chosen with its first status) and the transition's sequence number, never the detection time.
 */
final class WatchStatuses {

  private static final Logger LOG = LoggerFactory.getLogger(WatchStatuses.class);
  static final String KEY_PREFIX = "status/";

  /** What is stored per watch: its epoch, its count of transitions and its last status. */
  record Stored(String epoch, long sequence, PollOutcome status) {

    byte[] encode() {
      return ("1 " + epoch + " " + sequence + " " + status.name()).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a stored status, or null for a record this version cannot read. */
    static Stored decode(byte[] bytes) {
      String[] parts = new String(bytes, StandardCharsets.UTF_8).split(" ");
      try {
        return parts.length == 4 && parts[0].equals("1")
            ? new Stored(parts[1], Long.parseLong(parts[2]), PollOutcome.valueOf(parts[3]))
            : null;
      } catch (IllegalArgumentException unreadable) {
        return null;
      }
    }

    Stored next(PollOutcome status) {
      return new Stored(epoch, sequence + 1, status);
    }
  }

  private final Map<String, Stored> last = new ConcurrentHashMap<>();
  private final KafkaStateStore states;
  private final TransactionalPublisher publisher;
  private final PitwallMetrics metrics;
  private final Clock clock;
  private final String topic;

  WatchStatuses(
      TransactionalPublisher publisher,
      KafkaStateStore states,
      PitwallMetrics metrics,
      Clock clock,
      String prefix) {
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
    this.topic = io.pitwall.events.EventCatalogue.WATCH_STATUS_CHANGED.topic(prefix);
    this.states = states;
    adoptRestored();
  }

  /**
   * Takes over the last statuses the state store holds that this instance does not know yet: those
   * of partitions just assigned and restored (an instance that is given a watch continues its epoch
   * and sequence, so it reports no transition again).
   */
  void adoptRestored() {
    states
        .withPrefix(KEY_PREFIX)
        .forEach(
            (key, value) -> {
              Stored stored = Stored.decode(value);
              if (stored != null) {
                last.putIfAbsent(key.substring(KEY_PREFIX.length()), stored);
              }
            });
  }

  /** A watch moved to another instance: its status is forgotten here, kept in the topic. */
  void release(String key) {
    last.remove(key);
  }

  /**
   * Records how a poll ended.
   *
   * @param current whether the watch is still in the generation its poll started in (a status of a
   *     watch removed meanwhile is not stored)
   */
  void record(String source, WatchResult result, Predicate<String> current) {
    metrics.poll(source, result.outcome());
    WatchKey key = result.watch().key();
    String name = key.toString();
    Stored before = last.get(name);
    PollOutcome previous = before == null ? null : before.status();
    boolean changed = result.outcome() != previous;
    if (changed || result.baseline()) {
      if (result.outcome() == PollOutcome.OK) {
        LOG.info("{}: {} ({})", key, result.outcome(), result.detail());
      } else {
        LOG.warn("{}: {}: {}", key, result.outcome(), result.detail());
      }
    }
    if (!changed || !current.test(name)) {
      return;
    }
    Stored now =
        before == null
            ? new Stored(UUID.randomUUID().toString(), 1, result.outcome())
            : before.next(result.outcome());
    last.put(name, now);
    WatchStatusChanged event =
        WatchStatusMapper.toEvent(
            key,
            result.watch().label(),
            result.outcome(),
            previous,
            String.valueOf(result.detail()),
            clock.instant(),
            WatchStatusMapper.eventId(key, now.epoch(), now.sequence(), now.status()));
    publish(name, event, before, now, current);
  }

  /** Forgets a removed watch: added again, its statuses start a new epoch. */
  void forget(String key) {
    last.remove(key);
    publisher.tombstone(KEY_PREFIX + key);
  }

  /** A watch's last poll outcome, empty before its first poll. */
  Optional<PollOutcome> statusOf(String key) {
    return Optional.ofNullable(last.get(key)).map(Stored::status);
  }

  private void publish(
      String watch,
      WatchStatusChanged event,
      Stored before,
      Stored stored,
      Predicate<String> current) {
    String key = event.getEnvelope().getSource() + ":" + event.getEnvelope().getAccountId();
    publisher
        .publish(
            new PublishBatch(
                List.of(new OutgoingEvent(topic, key, event)),
                Map.of(KEY_PREFIX + watch, stored.encode()),
                k -> current.test(watch)))
        .whenComplete(
            (v, e) -> {
              if (e == null) {
                metrics.published(event.getSchema().getName(), 1);
              } else {
                // not committed: the transition is detected again, with the same id
                if (before == null) {
                  last.remove(watch, stored);
                } else {
                  last.replace(watch, stored, before);
                }
                LOG.warn("{}: could not publish its status change: {}", key, e.getMessage());
              }
            });
  }
}
