package io.pitwall.kafka.fleet;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small compacted topic ({@code <topic.prefix>fleet}) through which the instances of a fleet
 * share what budgets need: each partition owner's count of watches per credential, and the pauses a
 * server's 429 imposed on a credential. Every instance reads the whole topic from the beginning on
 * its own thread and keeps the latest value of each key; its own writes apply at once. A plain
 * (idempotent, not transactional) producer writes: the values are advisory and the latest wins.
 */
public final class FleetTopic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FleetTopic.class);

  private final String topic;
  private final Map<String, String> table = new ConcurrentHashMap<>();
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private volatile boolean closing;

  /**
   * Starts reading the topic and opens the producer.
   *
   * @param consumerConfig consumer client settings (bootstrap servers, security)
   * @param producerConfig producer client settings
   * @param topic the fleet topic
   */
  public FleetTopic(
      Map<String, Object> consumerConfig, Map<String, Object> producerConfig, String topic) {
    this.topic = topic;
    Map<String, Object> produce = new HashMap<>(producerConfig);
    produce.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    produce.put(ProducerConfig.ACKS_CONFIG, "all");
    produce.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    this.producer = new KafkaProducer<>(produce, new StringSerializer(), new StringSerializer());
    Map<String, Object> consume = new HashMap<>(consumerConfig);
    consume.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consume.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(consume, new StringDeserializer(), new StringDeserializer());
    this.thread = new Thread(this::run, "pitwall-fleet-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      List<TopicPartition> partitions = List.of();
      while (!closing && partitions.isEmpty()) {
        try {
          partitions =
              consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                  .map(p -> new TopicPartition(p.topic(), p.partition()))
                  .toList();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
          LOG.debug("Fleet topic {} not reachable yet: {}", topic, e.toString());
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!closing) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() == null) {
            continue;
          }
          if (record.value() == null) {
            table.remove(record.key());
          } else {
            table.put(record.key(), record.value());
          }
        }
      }
    } catch (WakeupException closed) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The fleet topic reader stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Writes a key's latest value (applied to this instance's table at once). */
  public void put(String key, String value) {
    table.put(key, value);
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, error) -> {
            if (error != null) {
              LOG.warn("Could not write {} to {}: {}", key, topic, error.toString());
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("Could not write {} to {}: {}", key, topic, e.toString());
    }
  }

  /** The latest value of every key (a copy). */
  public Map<String, String> snapshot() {
    return Map.copyOf(table);
  }

  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
