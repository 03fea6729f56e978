package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.kafka.watches.WatchRecord;
import io.pitwall.kafka.watches.WatchRecordParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * Where the watches topic is (options shared by {@code watch add|remove|list}), and writing one
 * watch record to it, validated as the engine validates it.
 */
final class WatchTarget {
  /** How long a watch may take to reach Kafka before the command gives up, exit code 1. */
  static final java.time.Duration SEND_TIMEOUT = java.time.Duration.ofSeconds(15);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The engine's properties file: Kafka with its kafka.* security settings, the registry"
              + " and the topic prefix are taken from it (and from the environment, as for run).")
  java.nio.file.Path config;

  @Option(
      names = "--bootstrap-servers",
      description =
          "Kafka (default: from --config, $PITWALL_KAFKA_BOOTSTRAP_SERVERS or localhost:9092)")
  String bootstrapServers;

  @Option(
      names = "--topic-prefix",
      description = "Topic prefix (default: from --config, $PITWALL_TOPIC_PREFIX or pitwall.)")
  String prefix;

  private ClusterConnection cluster;

  /** The resolved connection; throws ConfigException when the settings are invalid. */
  ClusterConnection cluster(String registryUrl) {
    if (cluster == null) {
      cluster = ClusterConnection.resolve(config, bootstrapServers, registryUrl, prefix);
    }
    return cluster;
  }

  String topic() {
    return cluster(null).prefix() + "watches";
  }

  /**
   * Validates the record exactly as the engine will, then writes it; exit code 2 when refused.
   *
   * @param value the JSON value, or null for a tombstone
   * @param done what happened, for the confirmation line
   */
  int write(String key, byte[] value, String done) throws Exception {
    try {
      cluster(null);
    } catch (ConfigException e) {
      return ClusterConnection.refuse(e);
    }
    WatchRecord parsed =
        new WatchRecordParser(SourcePlugins.installed().watchParser(null))
            .parse(key.getBytes(StandardCharsets.UTF_8), value);
    if (refused(parsed, key)) {
      return 2;
    }
    if (configured(key)) {
      System.err.println(
          "pitwall: "
              + key
              + " is a configured watch (a watch.N setting of the instances' configuration):"
              + " change or remove it there; the instances apply it when they start");
      return 2;
    }
    try {
      send(key, value);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return notTaken();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        return notTaken();
      }
      System.err.println(
          "pitwall: Kafka refused the watch: " + e.getCause().getClass().getSimpleName());
      return 1;
    }
    System.out.println("Watch " + key + " " + done + " " + topic());
    return 0;
  }

  private int notTaken() {
    System.err.println(
        "pitwall: Kafka at "
            + cluster(null).producer().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
            + " did not take the watch within "
            + SEND_TIMEOUT.toSeconds()
            + " s: is it reachable, and does "
            + topic()
            + " exist? (the engine creates its topics when it starts; with"
            + " topics.create=false an administrator does)");
    return 1;
  }

  private void send(String key, byte[] value) throws Exception {
    Map<String, Object> config = new java.util.HashMap<>(cluster(null).producer());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
    // the delivery timeout must cover linger and one request
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      // the watch's partition, set explicitly: its state is written to the same one
      int partition =
          io.pitwall.kafka.watches.WatchPartitioner.partition(
              key, producer.partitionsFor(topic()).size());
      producer
          .send(
              new ProducerRecord<>(topic(), partition, key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    }
  }

  /**
   * Whether the topic's current record of the key is a configured watch ({@code
   * "origin":"config"}): only its partition is read; a topic that does not exist holds none.
   */
  private boolean configured(String key) {
    Map<String, Object> config = new java.util.HashMap<>(cluster(null).consumer());
    config.put(
        org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<>(
            config,
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions = consumer.listTopics(SEND_TIMEOUT).get(topic());
      if (partitions == null) {
        return false;
      }
      var partition =
          new org.apache.kafka.common.TopicPartition(
              topic(), io.pitwall.kafka.watches.WatchPartitioner.partition(key, partitions.size()));
      consumer.assign(java.util.List.of(partition));
      consumer.seekToBeginning(java.util.List.of(partition));
      long end = consumer.endOffsets(java.util.List.of(partition), SEND_TIMEOUT).get(partition);
      byte[] latest = null;
      byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
      long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        for (var r : consumer.poll(java.time.Duration.ofMillis(200))) {
          if (java.util.Arrays.equals(r.key(), wanted)) {
            latest = r.value();
          }
        }
      }
      return io.pitwall.kafka.watches.WatchJson.CONFIG.equals(
          io.pitwall.kafka.watches.WatchJson.originOf(latest));
    } catch (org.apache.kafka.common.KafkaException e) {
      // unreachable: the send below reports it
      return false;
    }
  }

  /** Prints why a record would be rejected; true when it would be. */
  static boolean refused(WatchRecord parsed, String key) {
    if (parsed instanceof WatchRecord.Rejected bad) {
      System.err.println(
          "Invalid value " + key + " for watch: " + bad.message() + " (" + bad.reason() + ")");
      return true;
    }
    return false;
  }
}
