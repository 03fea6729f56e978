package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.kafka.watches.BadWatchRecords;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Watches come and go through the watches topic while the engine runs: polling starts for an added
 * watch and stops for a removed one (its state tombstoned), without a restart; every bad record
 * lands in the dead-letter topic with its reason while good records in between apply.
 */
class WatchesTopicIT {

  private static final String SECOND = "5000000000000000002";

  @Test
  void shouldApplyWatchesLiveAndRouteBadRecordsToTheDlq() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    PsnWorld world = TrophyScenarios.world(start);
    world.addAccount(SECOND, "second", "second-npsso", "en");
    String prefix = "watches-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try (Simulator simulator =
            Simulator.start(world, PsnSimulatorConfig.defaults(), new SimClock());
        Engine engine = Engine.start(PitwallConfig.of(settings(simulator, prefix)));
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      String topic = prefix + "watches";
      send(
          producer,
          topic,
          "psn:" + TrophyScenarios.ACCOUNT,
          "{\"source\":\"psn\",\"accountId\":\""
              + TrophyScenarios.ACCOUNT
              + "\",\"label\":\"first\"}");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> requestsFor(simulator, TrophyScenarios.ACCOUNT) >= 2);

      // a compacted topic refuses keyless records at the broker, so MISSING_KEY is left to the unit
      // test
      List<BadWatchRecords.Bad> bad =
          BadWatchRecords.all().stream().filter(b -> b.key() != null).toList();
      assertThat(bad).hasSizeGreaterThanOrEqualTo(20);
      for (int i = 0; i < bad.size(); i++) {
        producer
            .send(new ProducerRecord<>(topic, bad.get(i).keyBytes(), bad.get(i).valueBytes()))
            .get();
        if (i == bad.size() / 2) {
          send(
              producer,
              topic,
              "psn:" + SECOND,
              "{\"source\":\"psn\",\"accountId\":\"" + SECOND + "\"}");
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(simulator, SECOND) >= 2);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> TestTopics.readCommitted(prefix + "dlq").size() >= bad.size());
      List<ConsumerRecord<String, byte[]>> dead = TestTopics.readCommitted(prefix + "dlq");
      assertThat(dead)
          .extracting(r -> r.key() + " " + header(r, "pitwall.dlq.reason"))
          .as("every bad record with its reason (many partitions: no order across them)")
          .containsExactlyInAnyOrderElementsOf(
              bad.stream().map(b -> b.key() + " " + b.reason()).toList());
      assertThat(dead)
          .allSatisfy(
              r -> {
                assertThat(header(r, "pitwall.dlq.topic")).isEqualTo(topic);
                assertThat(header(r, "pitwall.dlq.offset")).matches("[0-9]+");
                assertThat(header(r, "pitwall.dlq.exception.message")).isNotBlank();
              });
      assertThat(
              engine.metrics().registry().find("pitwall_dlq_records").counters().stream()
                  .mapToDouble(c -> c.count())
                  .sum())
          .isEqualTo(bad.size());

      producer
          .send(
              new ProducerRecord<>(
                  topic, ("psn:" + TrophyScenarios.ACCOUNT).getBytes(StandardCharsets.UTF_8), null))
          .get();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> stateTombstoned(prefix, "psn:" + TrophyScenarios.ACCOUNT));
      long afterRemoval = requestsFor(simulator, TrophyScenarios.ACCOUNT);
      long second = requestsFor(simulator, SECOND);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> requestsFor(simulator, SECOND) >= second + 3);
      assertThat(requestsFor(simulator, TrophyScenarios.ACCOUNT))
          .isLessThanOrEqualTo(afterRemoval + 1);
      assertThat(engine.health().getString("status")).isEqualTo("UP");
    }
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.remove("watch.1");
    return settings;
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, String key, String value)
      throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic,
                key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)))
        .get();
  }

  private static long requestsFor(Simulator simulator, String account) {
    return simulator
        .requestLog()
        .matching(e -> e.path().equals("/api/trophy/v1/users/" + account + "/trophyTitles"))
        .size();
  }

  private static boolean stateTombstoned(String prefix, String key) {
    List<ConsumerRecord<String, byte[]>> states = TestTopics.readCommitted(prefix + "state");
    return !states.isEmpty()
        && states.stream()
            .filter(r -> key.equals(r.key()))
            .reduce((a, b) -> b)
            .map(r -> r.value() == null)
            .orElse(false);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
