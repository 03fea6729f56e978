package io.pitwall.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.testkit.KafkaBrokerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The test kit's broker process keeps its data across a SIGKILL and a restart on the same port, and
 * answers nothing while paused (SIGSTOP) until it is resumed.
 */
class KafkaBrokerProcessIT {

  @Test
  void shouldKeepDataAcrossKillAndRestartAndFreezeWhilePaused() throws Exception {
    Path dir = Files.createTempDirectory("pitwall-broker-it-");
    try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder(dir).start()) {
      String servers = broker.bootstrapServers();
      try (Admin admin = admin(servers)) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = producer(servers)) {
        producer.send(new ProducerRecord<>("kept", "k", "v")).get(30, TimeUnit.SECONDS);
      }

      broker.kill();
      assertThat(broker.running()).isFalse();
      broker.startAgain();
      assertThat(broker.bootstrapServers()).isEqualTo(servers);
      try (Admin admin = admin(servers)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
        assertThat(
                admin
                    .listOffsets(
                        Map.of(
                            new org.apache.kafka.common.TopicPartition("kept", 0),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .iterator()
                    .next()
                    .offset())
            .isEqualTo(1);

        broker.pause();
        assertThatThrownBy(() -> admin.listTopics().names().get(3, TimeUnit.SECONDS))
            .isInstanceOf(java.util.concurrent.TimeoutException.class);
        broker.resume();
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(names).contains("kept");
      }
    }
    assertThat(dir).doesNotExist();
  }

  private static Admin admin(String servers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            servers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) Duration.ofSeconds(30).toMillis()));
  }

  private static KafkaProducer<String, String> producer(String servers) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
        new StringSerializer(),
        new StringSerializer());
  }
}
