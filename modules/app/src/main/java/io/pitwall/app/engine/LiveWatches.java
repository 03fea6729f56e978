package io.pitwall.app.engine;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.DeadLetterQueue;
import io.pitwall.kafka.watches.WatchRecordParser;
import io.pitwall.kafka.watches.WatchesTopicReader;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches topic applied to a running engine: upserts reach the scheduler in the next cycle,
 * disabled watches pause with their state kept, tombstones stop polling and tombstone the state in
 * a transaction; rejected records go to the dead-letter topic.
 */
final class LiveWatches implements WatchesTopicReader.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveWatches.class);

  private final WatchScheduler scheduler;
  private final TransactionalPublisher publisher;
  private final WatchGenerations generations;
  private final Consumer<String> removed;
  private final Clock clock;
  private final DeadLetterQueue dlq;
  private final WatchesTopicReader reader;

  /**
   * Starts following the watches topic.
   *
   * @param kafka client settings
   * @param prefix topic prefix
   * @param states the state store, which also holds the marks of records dead-lettered before
   * @param removed told each removed watch (its status is forgotten)
   * @param credentials the credential names configured per source
   * @param deadLetters told each rejection's reason (for metrics)
   */
  LiveWatches(
      Map<String, Object> kafka,
      String prefix,
      WatchScheduler scheduler,
      TransactionalPublisher publisher,
      KafkaStateStore states,
      WatchGenerations generations,
      Consumer<String> removed,
      Map<String, Set<String>> credentials,
      Clock clock,
      Consumer<String> deadLetters) {
    this.scheduler = scheduler;
    this.publisher = publisher;
    this.generations = generations;
    this.removed = removed;
    this.clock = clock;
    this.dlq = new DeadLetterQueue(prefix + "dlq", publisher, states);
    this.reader =
        new WatchesTopicReader(
            kafka,
            prefix + "watches",
            new WatchRecordParser(SourcePlugins.installed().watchParser(credentials)),
            dlq,
            this,
            (reason, message) -> deadLetters.accept(reason));
  }

  @Override
  public void upsert(WatchDefinition watch) {
    if (!watch.enabled()) {
      if (scheduler.remove(watch.key())) {
        LOG.info("{}: disabled through the watches topic; polling stops, state kept", watch.key());
      }
      return;
    }
    scheduler.upsert(watch, clock.instant());
    LOG.info(
        "{}: watched through the watches topic{}",
        watch.key(),
        watch.label() == null ? "" : " (" + watch.label() + ")");
  }

  /**
   * Stops polling a watch and removes its state. A poll of it in flight is stale from here on (its
   * results are dropped), and the state goes from memory at once and from the topic by a tombstone
   * the publisher retries until it commits, so that adding the watch again takes a fresh baseline.
   */
  @Override
  public void remove(WatchKey key) {
    String name = key.toString();
    generations.removed(name);
    boolean scheduled = scheduler.remove(key);
    publisher.tombstone(name);
    removed.accept(name);
    if (scheduled) {
      LOG.info("{}: unwatched through the watches topic; polling stops", name);
    }
  }

  /** How many dead-letter sends were retried because Kafka did not take them. */
  long deadLetterRetries() {
    return dlq.retries();
  }

  /** The topic's consumer, for metrics binders only (it is polled on the reader's thread). */
  org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
    return reader.consumer();
  }

  @Override
  public void close() {
    reader.close();
  }
}
