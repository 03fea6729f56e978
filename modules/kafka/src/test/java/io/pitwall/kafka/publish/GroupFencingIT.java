package io.pitwall.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pitwall.events.SampleEvents;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.GroupPosition;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A transaction carries the consumer group's metadata (KIP-447): once the group has moved on to a
 * newer generation, a commit with the old metadata (a zombie's) is refused, nothing of it becomes
 * visible to read_committed readers, and the publisher keeps working with the current metadata.
 */
class GroupFencingIT {

  private final String prefix = "fence-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private final String watches = prefix + "watches";
  private final String events = prefix + "events";
  private final String state = prefix + "state";
  private final Map<String, Object> client =
      Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());

  @Test
  void shouldRefuseACommitFromAnOldGeneration() throws Exception {
    TopicAdmin.ensure(client, List.of(state, watches), 2, List.of(events), Duration.ofSeconds(30));
    AtomicReference<GroupPosition> position = new AtomicReference<>();
    try (KafkaConsumer<byte[], byte[]> first = member("first");
        TransactionalPublisher publisher = publisher()) {
      publisher.fencedBy(position::get);
      position.set(joined(first));
      publisher.publish(batch("psn:1", "current")).join();
      assertThat(TestTopics.readCommitted(events)).hasSize(1);

      GroupPosition stale = position.get();
      // another member joins: the group rebalances into a new generation, which the first
      // follows by polling (as the engine's reader does)
      try (KafkaConsumer<byte[], byte[]> second = member("second")) {
        second.subscribe(List.of(watches));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  first.poll(Duration.ofMillis(100));
                  second.poll(Duration.ofMillis(100));
                  return first.groupMetadata().generationId() > stale.generation()
                      && !first.assignment().isEmpty()
                      && !second.assignment().isEmpty();
                });

        // the zombie: metadata of the old generation
        position.set(stale);
        assertThatThrownBy(() -> publisher.publish(batch("psn:2", "zombie")).join())
            .isInstanceOf(CompletionException.class)
            .hasCauseInstanceOf(GroupFencedException.class);
        assertThat(publisher.groupFenced()).isEqualTo(1);
        assertThat(publisher.failed()).as("fencing by the group is not fatal").isFalse();
        assertThat(TestTopics.readCommitted(events))
            .as("nothing of the refused transaction is visible")
            .hasSize(1);

        // the current generation commits again, for the watches of the partitions it owns now;
        // a watch whose partition went to the other member is dropped, never published
        position.set(snapshot(first));
        int kept = first.assignment().iterator().next().partition();
        String mine = keyOn(kept, true);
        String theirs = keyOn(kept, false);
        publisher.publish(batch(mine, "after")).join();
        PublishResult moved = publisher.publish(batch(theirs, "moved")).join();
        assertThat(moved.dropped()).containsExactly(theirs);
        assertThat(TestTopics.readCommitted(events)).hasSize(2);
      }
    }
  }

  /** A watch key on the given partition of the two (or, with {@code on} false, on the other). */
  private static String keyOn(int partition, boolean on) {
    for (int i = 10; ; i++) {
      String key = "psn:" + i;
      if ((io.pitwall.kafka.watches.WatchPartitioner.partition(key, 2) == partition) == on) {
        return key;
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> member(String name) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "engine");
    config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, name);
    config.put(
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private GroupPosition joined(KafkaConsumer<byte[], byte[]> consumer) {
    consumer.subscribe(List.of(watches));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(100));
              return consumer.assignment().size() == 2;
            });
    return snapshot(consumer);
  }

  private static GroupPosition snapshot(KafkaConsumer<byte[], byte[]> consumer) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    consumer.assignment().forEach(p -> offsets.put(p, new OffsetAndMetadata(consumer.position(p))));
    return new GroupPosition(consumer.groupMetadata(), offsets);
  }

  private TransactionalPublisher publisher() {
    return new TransactionalPublisher(
        new PublisherSettings(client, prefix + "id", state, 2, Duration.ZERO, false),
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url())),
        KafkaStateStore.empty(),
        new io.pitwall.kafka.Availability("Kafka", java.time.Clock.systemUTC()));
  }

  private PublishBatch batch(String key, String stateValue) {
    return new PublishBatch(
        List.of(new OutgoingEvent(events, key, SampleEvents.trophyEarned())),
        key,
        stateValue.getBytes(StandardCharsets.UTF_8));
  }
}
