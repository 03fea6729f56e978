package io.pitwall.kafka.watches;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted watches topic on its own thread as a member of the fleet's consumer group:
 * the group assigns this instance some partitions (cooperative rebalancing, so a rebalance moves
 * only the partitions that change owner), and the instance applies the watches of those partitions
 * only. On assignment the listener restores the partitions' states before their records are read
 * from the beginning (the topic is a table); on revocation the listener stops their watches and
 * finishes what is in flight before the partitions are given up. Every valid record is applied,
 * every tombstone removes its watch, and every bad record goes to the dead-letter topic (once, even
 * across restarts and owners), is counted and logged once, while the others keep flowing.
 */
public final class WatchesTopicReader implements AutoCloseable {

  /** Receives the topic's changes and the partitions' ownership. */
  public interface Listener {
    /** A watch was added or changed. */
    void upsert(WatchDefinition watch);

    /** A watch was removed. */
    void remove(WatchKey key);

    /**
     * Partitions were assigned to this instance; their records follow once this returns, so this is
     * where their states are restored. Called on the reader's thread.
     */
    default void assigned(Set<Integer> partitions) {}

    /**
     * Partitions are taken away: stop their watches; unless {@code lost}, finish or abort what is
     * in flight for them before returning (the next owner starts when this returns). Lost
     * partitions already belong to another member (this one was fenced or timed out).
     */
    default void revoked(Set<Integer> partitions, boolean lost) {}

    /** The reader stopped for good (for instance fenced by another instance with the same id). */
    default void failed(String message, Throwable cause) {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(WatchesTopicReader.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final Ownership ownership;
  private final MembershipLiveness liveness;
  private final Thread thread;
  private volatile GroupPosition position;
  private volatile Set<Integer> owned = Set.of();
  private volatile long rebalances;

  /**
   * Joins the group and starts following.
   *
   * @param clientConfig client settings
   * @param topic the watches topic
   * @param ownership the group and this instance's membership
   * @param liveness touched on every loop and told every rebalance
   * @param parser validates records
   * @param dlq where bad records go
   * @param listener receives the changes
   * @param rejected told each rejection's reason (for metrics)
   */
  public WatchesTopicReader(
      Map<String, Object> clientConfig,
      String topic,
      Ownership ownership,
      MembershipLiveness liveness,
      WatchRecordParser parser,
      DeadLetterQueue dlq,
      Listener listener,
      BiConsumer<String, String> rejected) {
    this.topic = topic;
    this.ownership = ownership;
    this.liveness = liveness;
    this.consumer =
        new KafkaConsumer<>(
            consumerConfig(clientConfig, ownership),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.thread = new Thread(() -> run(parser, dlq, listener, rejected), "pitwall-watches-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The consumer settings the reader owns, on top of the given client settings. */
  static Map<String, Object> consumerConfig(Map<String, Object> clientConfig, Ownership ownership) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, ownership.groupId());
    config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ownership.instanceId());
    config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    config.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        CooperativeStickyAssignor.class.getName());
    config.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) ownership.sessionTimeout().toMillis());
    config.put(
        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
        (int) Math.max(500, ownership.sessionTimeout().toMillis() / 10));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
  }

  private void run(
      WatchRecordParser parser,
      DeadLetterQueue dlq,
      Listener listener,
      BiConsumer<String, String> rejected) {
    try {
      consumer.subscribe(java.util.List.of(topic), new Rebalances(listener));
      while (!Thread.currentThread().isInterrupted()) {
        liveness.touch(System.currentTimeMillis());
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          apply(record, parser, dlq, listener, rejected);
        }
        snapshot();
      }
    } catch (WakeupException closing) {
      // closed
    } catch (FencedInstanceIdException e) {
      String message =
          "Another instance joined the consumer group "
              + ownership.groupId()
              + " with instance.id "
              + ownership.instanceId()
              + ": instance ids must be unique in the fleet; this instance stops";
      LOG.error(message);
      listener.failed(message, e);
    } catch (RuntimeException e) {
      LOG.error("Watches reader stopped", e);
      listener.failed("The watches topic reader stopped: " + e, e);
    } finally {
      try {
        consumer.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(5)));
      } catch (RuntimeException e) {
        LOG.debug("Closing the watches consumer: {}", e.toString());
      }
    }
  }

  private static void apply(
      ConsumerRecord<byte[], byte[]> record,
      WatchRecordParser parser,
      DeadLetterQueue dlq,
      Listener listener,
      BiConsumer<String, String> rejected) {
    WatchRecord parsed;
    try {
      parsed = parser.parse(record.key(), record.value());
    } catch (RuntimeException unexpected) {
      parsed = new WatchRecord.Rejected("PARSE_FAILURE", unexpected.toString());
    }
    if (parsed instanceof WatchRecord.Upsert upsert) {
      listener.upsert(upsert.watch());
    } else if (parsed instanceof WatchRecord.Remove remove) {
      listener.remove(remove.key());
    } else if (parsed instanceof WatchRecord.Rejected bad && !dlq.sentBefore(record)) {
      LOG.warn(
          "Rejected watches record {}-{}@{}: {}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          bad.reason(),
          bad.message());
      if (dlq.send(record, bad.reason(), WatchRecord.Rejected.class.getName(), bad.message())) {
        rejected.accept(bad.reason(), bad.message());
      }
    }
  }

  /** Takes the group metadata and positions that the next transactions carry. */
  private void snapshot() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : consumer.assignment()) {
      offsets.put(partition, new OffsetAndMetadata(consumer.position(partition)));
    }
    position = new GroupPosition(consumer.groupMetadata(), offsets);
  }

  private final class Rebalances implements ConsumerRebalanceListener {

    private final Listener listener;

    Rebalances(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      liveness.rebalanced();
      if (partitions.isEmpty()) {
        snapshot();
        return;
      }
      rebalances++;
      Set<Integer> numbers = numbers(partitions);
      LOG.info("Assigned watches partitions {}: restoring their states", numbers);
      awaitStableOffsets(partitions);
      listener.assigned(numbers);
      consumer.seekToBeginning(partitions);
      Set<Integer> now = new TreeSet<>(owned);
      now.addAll(numbers);
      owned = Set.copyOf(now);
      snapshot();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      liveness.rebalanced();
      if (partitions.isEmpty()) {
        return;
      }
      rebalances++;
      Set<Integer> numbers = numbers(partitions);
      LOG.info("Watches partitions {} move to another instance: stopping their watches", numbers);
      give(numbers);
      listener.revoked(numbers, false);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      liveness.rebalanced();
      if (partitions.isEmpty()) {
        return;
      }
      rebalances++;
      Set<Integer> numbers = numbers(partitions);
      LOG.warn(
          "Watches partitions {} were lost (this instance was out of the group, e.g. paused past"
              + " its session timeout): their watches stop, and nothing of them can commit",
          numbers);
      give(numbers);
      listener.revoked(numbers, true);
    }

    /**
     * Waits until no transaction of a previous owner that carries offsets of these partitions is
     * still open (the offset fetch requires stable offsets, KIP-447): a zombie whose transaction
     * passed the group's check before the rebalance either commits before the restore or not at
     * all, so its states are never missed and its changes never detected twice. A killed owner's
     * open transaction holds this until the broker aborts it (transaction.timeout.ms).
     */
    private void awaitStableOffsets(Collection<TopicPartition> partitions) {
      long start = System.nanoTime();
      while (!Thread.currentThread().isInterrupted()) {
        try {
          consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(30));
          long waited = (System.nanoTime() - start) / 1_000_000;
          if (waited > 1_000) {
            LOG.info(
                "Partitions {}: waited {} ms for a previous owner's open transaction",
                numbers(partitions),
                waited);
          }
          return;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          LOG.info(
              "Partitions {}: a previous owner's transaction is still open; waiting for it to"
                  + " commit or be aborted",
              numbers(partitions));
        }
      }
    }

    private void give(Set<Integer> numbers) {
      Set<Integer> now = new TreeSet<>(owned);
      now.removeAll(numbers);
      owned = Set.copyOf(now);
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    Set<Integer> numbers = new TreeSet<>();
    partitions.forEach(p -> numbers.add(p.partition()));
    return numbers;
  }

  /**
   * The group metadata and owned positions the next transaction carries, or null before the first
   * assignment.
   */
  public GroupPosition position() {
    return position;
  }

  /** The watches-topic partitions this instance owns now. */
  public Set<Integer> owned() {
    return owned;
  }

  /** How many rebalances changed this instance's partitions. */
  public long rebalances() {
    return rebalances;
  }

  /**
   * The consumer, for metrics binders only (such as Micrometer's Kafka client metrics, which read
   * {@code metrics()}); it is polled on the reader's own thread, so nothing else may use it.
   */
  public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
    return consumer;
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
