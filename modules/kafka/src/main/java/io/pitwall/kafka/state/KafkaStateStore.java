package io.pitwall.kafka.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prior state of every watch, backed by the compacted state topic. {@link #load} reads the
 * topic from the beginning to its end with {@code read_committed}, so that only states committed
 * together with their events are believed; afterwards the engine is the topic's only writer and
 * keeps the map current with {@link #put} after each committed transaction, and {@link #reload}s it
 * when a transaction's outcome is unknown.
 */
public final class KafkaStateStore implements io.pitwall.source.api.StateStore {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStateStore.class);

  private final Map<String, byte[]> states = new ConcurrentHashMap<>();
  private final Map<String, Object> consumerConfig;
  private final String topic;
  private final Duration timeout;
  private volatile int partitionCount;
  private volatile Set<Integer> owned;

  private KafkaStateStore(Map<String, Object> consumerConfig, String topic, Duration timeout) {
    this.consumerConfig = consumerConfig == null ? null : Map.copyOf(consumerConfig);
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * Reads the state topic to its end.
   *
   * @param consumerConfig client settings (bootstrap servers, security), without deserializers
   * @param topic the state topic
   * @param timeout how long reading may take
   */
  public static KafkaStateStore load(
      Map<String, Object> consumerConfig, String topic, Duration timeout) {
    KafkaStateStore store = new KafkaStateStore(consumerConfig, topic, timeout);
    store.states.putAll(store.read());
    return store;
  }

  /**
   * A store of the topic that has not read it yet: {@link #reload} reads it (the engine first
   * initialises its transactional producer, which settles a previous incarnation's open
   * transaction, so that reading to the end does not wait for that transaction to time out).
   */
  public static KafkaStateStore create(
      Map<String, Object> consumerConfig, String topic, Duration timeout) {
    return new KafkaStateStore(consumerConfig, topic, timeout);
  }

  /** An empty store (tests, and a first start before the topic exists). */
  public static KafkaStateStore empty() {
    return new KafkaStateStore(null, null, Duration.ZERO);
  }

  /**
   * Reads the topic to its end again and replaces every state with what is committed: after a
   * transaction whose outcome is unknown (a commit that timed out, a producer re-created), the
   * topic is the truth.
   *
   * @param pendingRemovals keys whose tombstone is not committed yet: they stay absent
   * @throws org.apache.kafka.common.KafkaException or {@link IllegalStateException} when the topic
   *     cannot be read to its end within the timeout (the caller retries)
   */
  public void reload(Set<String> pendingRemovals) {
    if (consumerConfig == null) {
      return;
    }
    Set<Integer> partitions = owned;
    Map<String, byte[]> committed = read(partitions);
    pendingRemovals.forEach(committed::remove);
    states.keySet().removeIf(k -> on(k, partitions) && !committed.containsKey(k));
    states.putAll(committed);
  }

  /**
   * Makes this store hold the states of some partitions only (those this instance owns in the
   * consumer group): {@link #restore} adds partitions, {@link #forget} drops them, and {@link
   * #reload} reads only the owned ones.
   *
   * @param partitions the state topic's partition count (equal to the watches topic's)
   */
  public void ownPartitions(int partitions) {
    this.partitionCount = partitions;
    this.owned = Set.of();
  }

  /**
   * Reads some partitions of the state topic to their end ({@code read_committed}: it waits for a
   * previous owner's open transaction to be committed or aborted) and adds them to the owned ones.
   *
   * @throws org.apache.kafka.common.KafkaException or {@link IllegalStateException} when they
   *     cannot be read within the timeout (the caller retries)
   */
  public void restore(Set<Integer> partitions) {
    Map<String, byte[]> committed = read(partitions);
    states.keySet().removeIf(k -> on(k, partitions));
    states.putAll(committed);
    Set<Integer> now = new java.util.TreeSet<>(owned == null ? Set.of() : owned);
    now.addAll(partitions);
    owned = Set.copyOf(now);
  }

  /** Drops the states of partitions this instance no longer owns. */
  public void forget(Set<Integer> partitions) {
    Set<Integer> now = new java.util.TreeSet<>(owned == null ? Set.of() : owned);
    now.removeAll(partitions);
    owned = Set.copyOf(now);
    states.keySet().removeIf(k -> on(k, partitions));
  }

  /** Whether a key's record lives on one of the partitions (null: every partition). */
  private boolean on(String key, Set<Integer> partitions) {
    return partitions == null
        || partitions.contains(
            io.pitwall.kafka.watches.WatchPartitioner.ofStateKey(key, partitionCount));
  }

  private Map<String, byte[]> read() {
    return read(null);
  }

  private Map<String, byte[]> read(Set<Integer> only) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "pitwall-state-restore-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, byte[]> read = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .filter(p -> only == null || only.contains(p.partition()))
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = logEnds(config, partitions);
      int records = 0;
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read state topic " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          records++;
          if (record.key() == null) {
            continue;
          }
          if (record.value() == null) {
            read.remove(record.key());
          } else {
            read.put(record.key(), record.value());
          }
        }
      }
      LOG.info(
          "Restored {} watch states from {}{} ({} records)",
          read.size(),
          topic,
          only == null ? "" : " partitions " + only,
          records);
    }
    return read;
  }

  /**
   * The log end offsets (high watermarks), not the last stable offsets a read_committed consumer
   * reports: reading to them with read_committed waits until every transaction written so far is
   * decided, where reading to the last stable offset could stop just before a transaction whose
   * commit markers are still being written (a state committed a moment ago by this instance or by
   * the partition's previous owner would be missed, and its changes detected again).
   */
  private Map<TopicPartition, Long> logEnds(
      Map<String, Object> config, List<TopicPartition> partitions) {
    Map<String, Object> uncommitted = new HashMap<>(config);
    uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    try (KafkaConsumer<byte[], byte[]> ends =
        new KafkaConsumer<>(
            uncommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return ends.endOffsets(partitions, timeout);
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The committed state of a watch, or null. */
  @Override
  public byte[] get(String key) {
    return states.get(key);
  }

  /** Records a state after its transaction committed (null: the watch's state is gone). */
  public void put(String key, byte[] value) {
    if (value == null) {
      states.remove(key);
    } else {
      states.put(key, value);
    }
  }

  /** The states whose keys start with a prefix (a copy). */
  public Map<String, byte[]> withPrefix(String prefix) {
    Map<String, byte[]> found = new java.util.HashMap<>();
    states.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) {
            found.put(key, value);
          }
        });
    return found;
  }

  /** Number of watches with a state. */
  public int size() {
    return states.size();
  }
}
