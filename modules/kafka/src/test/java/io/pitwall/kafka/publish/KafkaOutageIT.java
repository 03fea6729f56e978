package io.pitwall.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pitwall.events.SampleEvents;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.testkit.KafkaBrokerProcess;
import io.pitwall.testkit.TestSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publisher rides through Kafka outages longer than its {@code max.block.ms} and {@code
 * transaction.timeout.ms}: the broker, a separate process, goes away between the sends and the
 * commit of a transaction, or while batches wait, and comes back; publishing resumes by itself, the
 * state store equals the committed state topic, and every committed event belongs to a committed
 * state (both or neither).
 */
class KafkaOutageIT {

  private static final Duration OUTAGE =
      TransactionalPublisher.TRANSACTION_TIMEOUT.plus(Duration.ofSeconds(10));

  private static KafkaBrokerProcess broker;
  private final AvroWireCodec codec =
      new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBrokerProcess.builder(Files.createTempDirectory("pitwall-outage-it-")).start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void shouldSettleATransactionWhoseBrokerDiedBetweenSendsAndCommit() throws Exception {
    String prefix = "outage-a.";
    Map<String, Object> client = client();
    TopicAdmin.ensure(
        client, List.of(prefix + "state"), 1, List.of(prefix + "events"), Duration.ofSeconds(30));
    KafkaStateStore store = KafkaStateStore.load(client, prefix + "state", Duration.ofSeconds(30));
    Availability kafka = new Availability("Kafka", Clock.systemUTC());
    try (TransactionalPublisher publisher =
        new TransactionalPublisher(
            new PublisherSettings(
                client, prefix + "id", prefix + "state", 1, Duration.ofSeconds(3), false),
            codec,
            store,
            kafka)) {
      publisher.publish(batch(prefix, "psn:1", "s1")).get(60, TimeUnit.SECONDS);

      CompletableFuture<PublishResult> open = publisher.publish(batch(prefix, "psn:1", "s2"));
      Thread.sleep(1500); // sent and flushed; the commit is 1.5 s away
      broker.kill();
      CompletableFuture<PublishResult> waiting = publisher.publish(batch(prefix, "psn:2", "t1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.isUp());
      Thread.sleep(OUTAGE.toMillis());
      broker.startAgain();

      settle(open);
      settle(waiting);
      await().atMost(Duration.ofSeconds(60)).until(kafka::isUp);
      publisher.publish(batch(prefix, "psn:3", "u1")).get(90, TimeUnit.SECONDS);
      assertThat(publisher.failed()).isFalse();
      assertConsistent(prefix, store, client);
      assertThat(state(store, "psn:3")).isEqualTo("u1");
    }
  }

  @Test
  void shouldPublishWhatWaitedThroughAnOutageOnceKafkaIsBack() throws Exception {
    String prefix = "outage-b.";
    Map<String, Object> client = client();
    TopicAdmin.ensure(
        client, List.of(prefix + "state"), 1, List.of(prefix + "events"), Duration.ofSeconds(30));
    KafkaStateStore store = KafkaStateStore.load(client, prefix + "state", Duration.ofSeconds(30));
    Availability kafka = new Availability("Kafka", Clock.systemUTC());
    try (TransactionalPublisher publisher =
        new TransactionalPublisher(
            PublisherSettings.of(client, prefix + "id", prefix + "state"), codec, store, kafka)) {
      publisher.publish(batch(prefix, "psn:1", "s1")).get(60, TimeUnit.SECONDS);
      broker.pause();
      List<CompletableFuture<PublishResult>> during = new ArrayList<>();
      for (int i = 2; i <= 4; i++) {
        during.add(publisher.publish(batch(prefix, "psn:" + i, "s" + i)));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.isUp());
      Thread.sleep(OUTAGE.toMillis());
      broker.resume();

      during.forEach(KafkaOutageIT::settle);
      await().atMost(Duration.ofSeconds(60)).until(kafka::isUp);
      publisher.publish(batch(prefix, "psn:5", "s5")).get(90, TimeUnit.SECONDS);
      assertThat(publisher.failed()).isFalse();
      assertConsistent(prefix, store, client);
    }
  }

  /** Waits for a batch's outcome: committed, or not committed and reported as retriable. */
  private static void settle(CompletableFuture<PublishResult> batch) {
    try {
      batch.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(KafkaUnavailableException.class);
    } catch (Exception e) {
      throw new AssertionError("a batch did not settle within 120 s of the outage's end", e);
    }
  }

  /**
   * The store equals the committed state topic, and each watch's committed events are exactly those
   * of its batches up to the one whose state is committed (both or neither; each batch's event
   * carries its state in the title).
   */
  private void assertConsistent(String prefix, KafkaStateStore store, Map<String, Object> client) {
    Map<String, List<String>> batches =
        Map.of(
            "psn:1", List.of("s1", "s2"),
            "psn:2", List.of(prefix.equals("outage-a.") ? "t1" : "s2"),
            "psn:3", List.of(prefix.equals("outage-a.") ? "u1" : "s3"),
            "psn:4", List.of("s4"),
            "psn:5", List.of("s5"));
    KafkaStateStore committed =
        KafkaStateStore.load(client, prefix + "state", Duration.ofSeconds(30));
    Map<String, List<String>> events = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : readCommitted(client, prefix + "events")) {
      events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(title(r.value()));
    }
    batches.forEach(
        (key, sequence) -> {
          String state = state(committed, key);
          assertThat(state(store, key)).as("store of " + key).isEqualTo(state);
          List<String> expected =
              state == null ? List.of() : sequence.subList(0, sequence.indexOf(state) + 1);
          assertThat(events.getOrDefault(key, List.of()))
              .as("committed events of " + key + " with committed state " + state)
              .isEqualTo(expected);
        });
  }

  private PublishBatch batch(String prefix, String key, String state) {
    var event = SampleEvents.trophyEarned();
    event.setTitleName(state);
    return new PublishBatch(
        List.of(new OutgoingEvent(prefix + "events", key, event)),
        key,
        state.getBytes(StandardCharsets.UTF_8));
  }

  private String title(byte[] value) {
    return ((io.pitwall.events.TrophyEarned) codec.decode(value)).getTitleName();
  }

  private static String state(KafkaStateStore store, String key) {
    byte[] value = store.get(key);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> client() {
    Map<String, Object> client = new HashMap<>();
    client.put("bootstrap.servers", broker.bootstrapServers());
    return client;
  }

  private static List<ConsumerRecord<String, byte[]>> readCommitted(
      Map<String, Object> client, String topic) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
