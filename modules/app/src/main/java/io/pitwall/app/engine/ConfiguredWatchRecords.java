package io.pitwall.app.engine;

import io.pitwall.core.WatchDefinition;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.kafka.watches.WatchJson;
import io.pitwall.kafka.watches.WatchPartitioner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration's {@code watch.N} settings as records of the watches topic, so that they are
 * partitioned and owned like every other watch. At start each configured watch is written (with
 * {@code "origin":"config"}) where the topic does not hold the same definition, and a configured
 * record the configuration no longer declares is tombstoned: the configuration is the only owner of
 * its watches ({@code pitwall watch remove} refuses them), so a restart never undoes an operator's
 * removal and a removed setting does not linger.
 */
final class ConfiguredWatchRecords {

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredWatchRecords.class);

  private ConfiguredWatchRecords() {}

  /**
   * Brings the topic's configured records in line with {@code watches}.
   *
   * @return how many records were written (upserts and tombstones)
   * @throws StartupException when Kafka does not take them within {@code timeout}
   */
  static int sync(
      Map<String, Object> consumerConfig,
      Map<String, Object> producerConfig,
      String topic,
      int partitions,
      List<WatchDefinition> watches,
      Duration timeout) {
    Map<String, byte[]> current = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : TopicSnapshot.readToEnd(consumerConfig, topic)) {
      if (r.key() == null) {
        continue;
      }
      String key = new String(r.key(), StandardCharsets.UTF_8);
      if (r.value() == null) {
        current.remove(key);
      } else {
        current.put(key, r.value());
      }
    }
    Map<String, byte[]> wanted = new HashMap<>();
    watches.forEach(w -> wanted.put(w.key().toString(), WatchJson.of(w, WatchJson.CONFIG)));
    List<ProducerRecord<byte[], byte[]>> writes = new ArrayList<>();
    wanted.forEach(
        (key, value) -> {
          if (!Arrays.equals(current.get(key), value)) {
            writes.add(record(topic, partitions, key, value));
          }
        });
    Set<String> dropped =
        current.entrySet().stream()
            .filter(e -> WatchJson.CONFIG.equals(WatchJson.originOf(e.getValue())))
            .map(Map.Entry::getKey)
            .filter(k -> !wanted.containsKey(k))
            .collect(Collectors.toSet());
    dropped.forEach(k -> writes.add(record(topic, partitions, k, null)));
    if (writes.isEmpty()) {
      return 0;
    }
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<Future<?>> sent = new ArrayList<>();
      writes.forEach(w -> sent.add(producer.send(w)));
      for (Future<?> f : sent) {
        f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new StartupException(
          "Could not write the configured watches (watch.N) to " + topic + ": " + e);
    }
    LOG.info(
        "Configured watches in {}: {} written, {} no longer configured removed ({})",
        topic,
        writes.size() - dropped.size(),
        dropped.size(),
        dropped.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(dropped)));
    return writes.size();
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, int partitions, String key, byte[] value) {
    return new ProducerRecord<>(
        topic,
        WatchPartitioner.partition(key, partitions),
        key.getBytes(StandardCharsets.UTF_8),
        value);
  }
}
