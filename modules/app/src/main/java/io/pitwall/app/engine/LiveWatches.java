package io.pitwall.app.engine;

import io.pitwall.app.config.SourcePlugins;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.DeadLetterQueue;
import io.pitwall.kafka.watches.MembershipLiveness;
import io.pitwall.kafka.watches.Ownership;
import io.pitwall.kafka.watches.WatchRecordParser;
import io.pitwall.kafka.watches.WatchesTopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watches topic applied to a running engine, for the partitions this instance owns in the
 * fleet's consumer group. On assignment the partitions' states are restored (read_committed, to the
 * end) and only then their watches (the configured ones are records of the topic too) are
 * scheduled; on revocation their watches stop, what is in flight is committed or dropped, and their
 * states are forgotten before the partitions go to the next owner. Upserts reach the source's
 * polling verticle as messages (this thread does not wait for them) and are polled in its next
 * round, disabled watches pause with their state kept, tombstones stop polling and tombstone the
 * state in a transaction; rejected records go to the dead-letter topic.
 */
final class LiveWatches implements WatchesTopicReader.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveWatches.class);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration DRAIN = Duration.ofSeconds(60);

  /** What the engine is told about ownership. */
  interface Owner {
    /** Partitions were assigned: their states are being restored. */
    void restoring(Set<Integer> partitions);

    /** Partitions were restored in {@code restore}: their watches are polled from now on. */
    void restored(Set<Integer> partitions, Duration restore);

    /** Partitions were given up. */
    void revoked(Set<Integer> partitions);

    /** A watch was removed through the topic: its status goes too. */
    void removed(String key);

    /** A watch moved to another instance with its partition: its status stays in the topic. */
    void released(String key);

    /** The reader stopped for good. */
    void failed(String message);
  }

  private final PollingVerticles scheduler;
  private final TransactionalPublisher publisher;
  private final KafkaStateStore states;
  private final WatchGenerations generations;
  private final DeadLetterQueue dlq;
  private final Owner owner;
  private final WatchesTopicReader reader;
  private volatile boolean closing;

  /**
   * Joins the group and starts following the watches topic.
   *
   * @param kafka client settings
   * @param prefix topic prefix
   * @param ownership the group and this instance's membership
   * @param liveness touched by the reader, told every rebalance
   * @param states the state store, which also holds the marks of records dead-lettered before
   * @param partitions the watches topic's partition count
   * @param credentials the credential names configured per source
   * @param deadLetters told each rejection's reason (for metrics)
   */
  LiveWatches(
      Map<String, Object> kafka,
      String prefix,
      Ownership ownership,
      MembershipLiveness liveness,
      PollingVerticles scheduler,
      TransactionalPublisher publisher,
      KafkaStateStore states,
      int partitions,
      WatchGenerations generations,
      Map<String, Set<String>> credentials,
      Consumer<String> deadLetters,
      Owner owner) {
    this.scheduler = scheduler;
    this.publisher = publisher;
    this.states = states;
    this.generations = generations;
    this.owner = owner;
    this.dlq = new DeadLetterQueue(prefix + "dlq", publisher, states);
    states.ownPartitions(partitions);
    this.reader =
        new WatchesTopicReader(
            kafka,
            prefix + "watches",
            ownership,
            liveness,
            new WatchRecordParser(SourcePlugins.installed().watchParser(credentials)),
            dlq,
            this,
            (reason, message) -> deadLetters.accept(reason));
    publisher.fencedBy(reader::position);
  }

  @Override
  public void assigned(Set<Integer> assigned) {
    long start = System.nanoTime();
    owner.restoring(assigned);
    while (!closing && !Thread.currentThread().isInterrupted()) {
      try {
        states.restore(assigned);
        break;
      } catch (RuntimeException e) {
        LOG.warn("Partitions {}: states not restored yet ({}); retrying", assigned, e.toString());
        sleep(RETRY);
      }
    }
    owner.restored(assigned, Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void revoked(Set<Integer> revoked, boolean lost) {
    // the verticles stop polling them; a poll of one in flight is stale from here on (its results
    // are dropped, not committed)
    List<WatchKey> leaving = scheduler.release(revoked);
    for (WatchKey key : leaving) {
      owner.released(key.toString());
    }
    if (!lost) {
      // what was handed to the publisher before is committed (or failed) before the next owner
      // restores: it then reads every state this instance committed
      publisher.barrier(DRAIN);
    }
    states.forget(revoked);
    owner.revoked(revoked);
    LOG.info("Partitions {} given up: {} watches stopped", revoked, leaving.size());
  }

  @Override
  public void failed(String message, Throwable cause) {
    owner.failed(message);
  }

  @Override
  public void upsert(WatchDefinition watch) {
    if (!watch.enabled()) {
      scheduler.remove(
          watch.key(), "disabled through the watches topic; polling stops, state kept");
      return;
    }
    try {
      scheduler.upsert(watch);
    } catch (IllegalArgumentException e) {
      // the parser refuses watches of sources without a poller, so this is a safety net only: the
      // reader must not stop for one watch
      LOG.error("{}: not polled: {}", watch.key(), e.getMessage());
    }
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
    scheduler.remove(key, "unwatched through the watches topic; polling stops");
    publisher.tombstone(name);
    owner.removed(name);
  }

  /** The watches-topic partitions this instance owns. */
  Set<Integer> owned() {
    return reader.owned();
  }

  /** The consumer group generation this instance last saw, or -1 before it joined. */
  int generation() {
    var position = reader.position();
    return position == null ? -1 : position.generation();
  }

  /** How many rebalances changed this instance's partitions. */
  long rebalances() {
    return reader.rebalances();
  }

  /** How many dead-letter sends were retried because Kafka did not take them. */
  long deadLetterRetries() {
    return dlq.retries();
  }

  /** The topic's consumer, for metrics binders only (it is polled on the reader's thread). */
  org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
    return reader.consumer();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing = true;
    reader.close();
  }
}
