package io.pitwall.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The demo's broker, from Kafka's server jars alone: it takes transactions (which need the
 * single-node settings for the transaction log), a read_committed consumer sees the committed
 * records and none of an aborted transaction, and closing removes its directory.
 */
class KraftBrokerIT {

  private static final String TOPIC = "runtime.transactions";

  @Test
  void shouldServeTransactionsToReadCommittedConsumersAndRemoveItsDirectoryOnClose() {
    Path directory;
    try (KraftBroker broker = KraftBroker.start()) {
      directory = broker.directory();
      assertThat(directory.resolve("logs").resolve("meta.properties"))
          .as("the storage was formatted")
          .isRegularFile();
      assertThat(broker.description()).contains("Kafka " + RuntimeVersions.KAFKA);

      try (KafkaProducer<String, String> producer = producer(broker)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "psn:1", "committed-1"));
        producer.send(new ProducerRecord<>(TOPIC, "psn:2", "committed-2"));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "psn:3", "aborted"));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(TOPIC, "psn:4", "committed-3"));
        producer.commitTransaction();
      }

      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = readCommittedConsumer(broker)) {
        consumer.subscribe(List.of(TOPIC));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  for (ConsumerRecord<String, String> record :
                      consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                  }
                  return values.contains("committed-3");
                });
      }
      assertThat(values).containsExactly("committed-1", "committed-2", "committed-3");
    }
    assertThat(Files.exists(directory)).as("the broker's directory is removed on close").isFalse();
  }

  private static KafkaProducer<String, String> producer(KraftBroker broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "runtime-it-" + UUID.randomUUID(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> readCommittedConsumer(KraftBroker broker) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "runtime-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
