package io.pitwall.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic once, from the beginning to its current end, with {@code read_committed}. */
public final class TopicSnapshot {

  private TopicSnapshot() {}

  /**
   * Assigns every partition of the topic to the consumer (no consumer group) and seeks to the
   * beginning; returns the partitions.
   */
  public static List<TopicPartition> assignFromBeginning(
      org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }

  /**
   * The topic's partition count, 0 when it does not exist.
   *
   * @param client consumer settings: bootstrap servers and security
   */
  public static int partitionCount(Map<String, Object> client, String topic) {
    Map<String, Object> config = new HashMap<>(client);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
      return partitions == null ? 0 : partitions.size();
    }
  }

  /** Every committed record of the topic; empty when the topic does not exist. */
  public static List<ConsumerRecord<byte[], byte[]>> readToEnd(
      String bootstrapServers, String topic) {
    return readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
  }

  /**
   * Every committed record of the topic; empty when the topic does not exist.
   *
   * @param client consumer settings: bootstrap servers and security (group, offsets and isolation
   *     are this method's)
   */
  public static List<ConsumerRecord<byte[], byte[]>> readToEnd(
      Map<String, Object> client, String topic) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "pitwall-snapshot-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      if (!consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
        return List.of();
      }
      List<TopicPartition> partitions = assignFromBeginning(consumer, topic);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
