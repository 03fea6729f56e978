package io.pitwall.kafka.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.PublisherSettings;
import io.pitwall.kafka.publish.TopicAdmin;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.testkit.KafkaBrokerProcess;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * A dead letter that Kafka does not take is retried until it does (the watches reader used to stop
 * silently), and a restart that reads the same rejected record again does not send it again.
 */
class DeadLetterQueueIT {

  private final AvroWireCodec codec =
      new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));

  @Test
  void shouldRetryThroughAnOutageAndNeverSendTheSameRecordTwice() throws Exception {
    String prefix = "dlq-it.";
    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.builder(Files.createTempDirectory("pitwall-dlq-it-")).start()) {
      Map<String, Object> client = new HashMap<>();
      client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      TopicAdmin.ensure(
          client, List.of(prefix + "state"), 1, List.of(prefix + "dlq"), Duration.ofSeconds(30));
      ConsumerRecord<byte[], byte[]> bad =
          new ConsumerRecord<>(
              prefix + "watches",
              0,
              42L,
              "psn:1".getBytes(StandardCharsets.UTF_8),
              "{not json".getBytes(StandardCharsets.UTF_8));

      KafkaStateStore store =
          KafkaStateStore.load(client, prefix + "state", Duration.ofSeconds(30));
      try (TransactionalPublisher publisher = publisher(client, prefix, store)) {
        DeadLetterQueue dlq = new DeadLetterQueue(prefix + "dlq", publisher, store);
        broker.kill();
        CompletableFuture<Boolean> sent =
            CompletableFuture.supplyAsync(
                () -> dlq.send(bad, "MALFORMED_JSON", "x.Rejected", "not JSON"));
        await().atMost(Duration.ofSeconds(60)).until(() -> dlq.retries() > 0);
        assertThat(sent).as("still trying, not given up").isNotDone();
        broker.startAgain();
        assertThat(sent.get(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      }

      KafkaStateStore restarted =
          KafkaStateStore.load(client, prefix + "state", Duration.ofSeconds(30));
      try (TransactionalPublisher publisher = publisher(client, prefix, restarted)) {
        DeadLetterQueue dlq = new DeadLetterQueue(prefix + "dlq", publisher, restarted);
        assertThat(dlq.sentBefore(bad)).isTrue();
        assertThat(dlq.send(bad, "MALFORMED_JSON", "x.Rejected", "not JSON")).isFalse();
      }

      List<ConsumerRecord<String, byte[]>> letters =
          TestTopics.readCommitted(broker.bootstrapServers(), prefix + "dlq");
      assertThat(letters).hasSize(1);
      assertThat(new String(letters.get(0).headers().lastHeader("pitwall.dlq.offset").value()))
          .isEqualTo("42");
    }
  }

  private TransactionalPublisher publisher(
      Map<String, Object> client, String prefix, KafkaStateStore store) {
    return new TransactionalPublisher(
        new PublisherSettings(client, prefix + "id", prefix + "state", 1, Duration.ZERO, false),
        codec,
        store,
        new Availability("Kafka", Clock.systemUTC()));
  }
}
