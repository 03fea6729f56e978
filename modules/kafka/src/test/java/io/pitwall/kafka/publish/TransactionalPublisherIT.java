package io.pitwall.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pitwall.events.SampleEvents;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class TransactionalPublisherIT {

  /** More than one, so that a state record landing on its watch's partition is tested. */
  private static final int STATE_PARTITIONS = 3;

  private final String prefix = "tx-" + UUID.randomUUID().toString().substring(0, 8) + ".";
  private final String events = prefix + "events";
  private final String state = prefix + "state";
  private final AvroWireCodec codec =
      new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
  private final Map<String, Object> client =
      Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());

  @Test
  void shouldCommitEventsAndStateTogether() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    try (TransactionalPublisher publisher = publisher(prefix + "id", Duration.ZERO)) {
      publisher.publish(batch("psn:1", "s1", SampleEvents.trophyEarned())).join();
      publisher.publish(batch("psn:1", "s2", SampleEvents.trophyEarned())).join();
    }

    assertThat(readCommitted(events)).hasSize(2);
    KafkaStateStore store =
        KafkaStateStore.load(new java.util.HashMap<>(client), state, Duration.ofSeconds(30));
    assertThat(new String(store.get("psn:1"), StandardCharsets.UTF_8)).isEqualTo("s2");
    assertThat(readCommitted(state))
        .as("each state record on its watch's partition, set explicitly")
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.partition())
                    .isEqualTo(
                        io.pitwall.kafka.watches.WatchPartitioner.partition(
                            r.key(), STATE_PARTITIONS)));
  }

  @Test
  void shouldAbortTheWholeBatchWhenOneEventIsInvalid() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    TrophyEarned broken = SampleEvents.trophyEarned();
    broken.setTitleName(null);
    try (TransactionalPublisher publisher = publisher(prefix + "id", Duration.ZERO)) {
      CompletableFuture<PublishResult> failed =
          publisher.publish(
              new PublishBatch(
                  List.of(
                      new OutgoingEvent(events, "psn:1", SampleEvents.trophyEarned()),
                      new OutgoingEvent(events, "psn:1", broken)),
                  "psn:1",
                  "bad".getBytes(StandardCharsets.UTF_8)));
      assertThatThrownBy(failed::join).hasMessageContaining("TrophyEarned.titleName");
      assertThat(publisher.failed()).isFalse();
      publisher.publish(batch("psn:2", "good", SampleEvents.trophyEarned())).join();
    }

    assertThat(readCommitted(events)).extracting(ConsumerRecord::key).containsExactly("psn:2");
    KafkaStateStore store =
        KafkaStateStore.load(new java.util.HashMap<>(client), state, Duration.ofSeconds(30));
    assertThat(store.get("psn:1")).isNull();
  }

  @Test
  void shouldAbortAnOpenTransactionOfAProducerThatDiedWhenItsSuccessorStarts() throws Exception {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    TransactionalPublisher dying = publisher(prefix + "id", Duration.ofSeconds(6));
    CompletableFuture<PublishResult> open =
        dying.publish(batch("psn:1", "never", SampleEvents.trophyEarned()));
    Thread.sleep(1500); // the batch is sent and flushed, the commit is 6 s away

    try (TransactionalPublisher successor = publisher(prefix + "id", Duration.ZERO)) {
      successor.publish(batch("psn:2", "after", SampleEvents.trophyEarned())).join();
    }

    assertThat(readCommitted(events)).extracting(ConsumerRecord::key).containsExactly("psn:2");
    assertThatThrownBy(open::join)
        .hasRootCauseInstanceOf(org.apache.kafka.common.errors.ProducerFencedException.class);
    assertThat(dying.failed()).isTrue();
    dying.close();
  }

  /**
   * A watch removed while its poll is in flight: the poll's batch reaches the publisher after the
   * tombstone, and must neither bring the state back nor publish its events; the watch added again
   * later starts from no state (a fresh baseline).
   */
  @Test
  void shouldNotBringBackTheStateOfAWatchRemovedWhileItWasPolled() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    try (TransactionalPublisher publisher = publisher(prefix + "id", Duration.ZERO)) {
      publisher.publish(batch("psn:1", "before", SampleEvents.trophyEarned())).join();
      publisher.tombstone("psn:1"); // the poll that produced the next batch started before this
      PublishResult late =
          publisher
              .publish(
                  new PublishBatch(
                      List.of(new OutgoingEvent(events, "psn:1", SampleEvents.trophyEarned())),
                      Map.of("psn:1", "stale".getBytes(StandardCharsets.UTF_8)),
                      key -> false))
              .join();
      assertThat(late.dropped()).containsExactly("psn:1");
      publisher.publish(batch("psn:2", "other", SampleEvents.trophyEarned())).join();
    }

    assertThat(readCommitted(events))
        .extracting(ConsumerRecord::key)
        .containsExactly("psn:1", "psn:2");
    List<ConsumerRecord<String, byte[]>> states = readCommitted(state);
    assertThat(states.stream().filter(r -> r.key().equals("psn:1")).toList())
        .last()
        .satisfies(r -> assertThat(r.value()).as("the tombstone is the last word").isNull());
    KafkaStateStore store =
        KafkaStateStore.load(new java.util.HashMap<>(client), state, Duration.ofSeconds(30));
    assertThat(store.get("psn:1")).as("added again, it takes a fresh baseline").isNull();
    assertThat(store.get("psn:2")).isNotNull();
  }

  @Test
  void shouldCommitThePollsThatArriveDuringACommitTogether() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    // no linger: the first batch's transaction takes no other, so the ten arrive during its commit
    try (TransactionalPublisher publisher =
        publisher(
            settings(prefix + "group", Duration.ofMillis(700), Duration.ZERO),
            codec,
            KafkaStateStore.empty())) {
      CompletableFuture<PublishResult> first =
          publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned()));
      // the first batch is taken into its transaction before the others are queued
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> publisher.queued() == 0);
      // arrive while the first transaction is open (the fault pause holds it 0.7 s)
      List<CompletableFuture<PublishResult>> later = new java.util.ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        later.add(publisher.publish(batch("psn:" + i, "s" + i, SampleEvents.trophyEarned())));
      }
      first.join();
      later.forEach(f -> assertThat(f.join().events()).isEqualTo(1));
      assertThat(publisher.transactions())
          .as("eleven polls, committed in the first transaction and one group after it")
          .isEqualTo(2);
    }
    assertThat(readCommitted(events)).hasSize(11);
    KafkaStateStore store =
        KafkaStateStore.load(new java.util.HashMap<>(client), state, Duration.ofSeconds(30));
    for (int i = 0; i <= 10; i++) {
      assertThat(new String(store.get("psn:" + i), StandardCharsets.UTF_8)).isEqualTo("s" + i);
    }
  }

  @Test
  void shouldRefuseOnlyTheBatchWithAnInvalidEventOfAGroup() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    TrophyEarned broken = SampleEvents.trophyEarned();
    broken.setTitleName(null);
    try (TransactionalPublisher publisher = publisher(prefix + "mixed", Duration.ofMillis(700))) {
      CompletableFuture<PublishResult> first =
          publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned()));
      CompletableFuture<PublishResult> good =
          publisher.publish(batch("psn:1", "s1", SampleEvents.trophyEarned()));
      CompletableFuture<PublishResult> bad = publisher.publish(batch("psn:2", "s2", broken));
      CompletableFuture<PublishResult> alsoGood =
          publisher.publish(batch("psn:3", "s3", SampleEvents.trophyEarned()));
      first.join();
      assertThat(good.join().events()).isEqualTo(1);
      assertThat(alsoGood.join().events()).isEqualTo(1);
      assertThatThrownBy(bad::join).hasMessageContaining("TrophyEarned.titleName");
    }
    assertThat(readCommitted(events)).hasSize(3);
  }

  @Test
  void shouldRefuseOnlyTheBatchWhoseSchemaTheRegistryCouldNotRegister() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    String unregistrable = prefix + "unregistrable";
    try (TransactionalPublisher publisher =
        publisher(
            settings(prefix + "registry", Duration.ofMillis(700), PublisherSettings.DEFAULT_LINGER),
            registryFailing(unregistrable, Duration.ZERO),
            KafkaStateStore.empty())) {
      CompletableFuture<PublishResult> first =
          publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned()));
      CompletableFuture<PublishResult> good =
          publisher.publish(batch("psn:1", "s1", SampleEvents.trophyEarned()));
      CompletableFuture<PublishResult> refused =
          publisher.publish(
              new PublishBatch(
                  List.of(new OutgoingEvent(unregistrable, "psn:2", SampleEvents.trophyEarned())),
                  "psn:2",
                  "s2".getBytes(StandardCharsets.UTF_8)));
      CompletableFuture<PublishResult> alsoGood =
          publisher.publish(batch("psn:3", "s3", SampleEvents.trophyEarned()));
      first.join();
      assertThat(good.join().events()).isEqualTo(1);
      assertThat(alsoGood.join().events()).isEqualTo(1);
      assertThatThrownBy(refused::join)
          .hasCauseInstanceOf(io.pitwall.events.wire.SchemaRegistryException.class);
      assertThat(
              publisher.publish(batch("psn:4", "s4", SampleEvents.trophyEarned())).join().events())
          .as("no transaction is left open behind the refused batch")
          .isEqualTo(1);
      assertThat(publisher.resets()).isZero();
    }
    assertThat(readCommitted(events)).hasSize(4);
  }

  @Test
  void shouldTakeNoMoreBatchesIntoATransactionOnceTheRegistryFailedOne() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    String unregistrable = prefix + "unregistrable";
    try (TransactionalPublisher publisher =
        lingering(prefix + "registry-stops", registryFailing(unregistrable, Duration.ZERO))) {
      CompletableFuture<PublishResult> first =
          publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned()));
      CompletableFuture<PublishResult> refused =
          publisher.publish(batchTo(unregistrable, "psn:1", "s1"));
      CompletableFuture<PublishResult> later =
          publisher.publish(batch("psn:2", "s2", SampleEvents.trophyEarned()));
      assertThat(first.join().events()).isEqualTo(1);
      assertThatThrownBy(refused::join)
          .hasCauseInstanceOf(io.pitwall.events.wire.SchemaRegistryException.class);
      assertThat(later.join().events()).isEqualTo(1);
      assertThat(publisher.transactions())
          .as("the batch after the registry's failure waits for the next transaction")
          .isEqualTo(2);
    }
    assertThat(readCommitted(events)).hasSize(2);
  }

  @Test
  void shouldCommitATransactionOpenForItsBudgetAndLeaveTheRestForTheNext() {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    String slow = prefix + "slow";
    Duration hang = GroupTransaction.OPEN_BUDGET.plusMillis(500);
    try (TransactionalPublisher publisher =
        lingering(prefix + "budget", registryFailing(slow, hang))) {
      CompletableFuture<PublishResult> first =
          publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned()));
      // its schema id takes longer than the budget to come back (then the registry answers)
      CompletableFuture<PublishResult> slowOne = publisher.publish(batchTo(slow, "psn:1", "s1"));
      CompletableFuture<PublishResult> later =
          publisher.publish(batch("psn:2", "s2", SampleEvents.trophyEarned()));
      assertThat(first.join().events()).isEqualTo(1);
      assertThat(slowOne.join().events()).isEqualTo(1);
      assertThat(later.join().events()).isEqualTo(1);
      assertThat(publisher.transactions())
          .as("the transaction open past its budget takes no more batches")
          .isEqualTo(2);
    }
  }

  /** A publisher lingering up to 1 s for batches, until every poll in flight (unbounded) came. */
  private TransactionalPublisher lingering(String id, AvroWireCodec codec) {
    return publisher(
        settings(id, Duration.ZERO, Duration.ofSeconds(1)), codec, KafkaStateStore.empty());
  }

  /**
   * A codec whose registry, for the subjects of {@code topic}, waits {@code hang} and then answers
   * when it is not zero, or else fails at once with HTTP 503 (retriable).
   */
  private static AvroWireCodec registryFailing(String topic, Duration hang) {
    ConfluentRestRegistryClient registry =
        new ConfluentRestRegistryClient(TestSchemaRegistry.url());
    return new AvroWireCodec(
        new io.pitwall.events.wire.SchemaRegistryClient() {
          @Override
          public int register(String subject, org.apache.avro.Schema schema) {
            if (subject.startsWith(topic)) {
              if (hang.isZero()) {
                throw new io.pitwall.events.wire.SchemaRegistryException(
                    "registry unavailable (HTTP 503)", 503, null);
              }
              try {
                Thread.sleep(hang.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return registry.register(subject, schema);
          }

          @Override
          public org.apache.avro.Schema schemaById(int id) {
            return registry.schemaById(id);
          }
        });
  }

  private static PublishBatch batchTo(String topic, String key, String stateValue) {
    return new PublishBatch(
        List.of(new OutgoingEvent(topic, key, SampleEvents.trophyEarned())),
        key,
        stateValue.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldSendEachBatchIntoTheOpenTransactionWhileLingeringForMore() throws Exception {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    // the linger allows at most 1 s: a slow first send must not eat the margin, so the
    // producer's metadata for the topic is fetched by a first, committed publish
    try (TransactionalPublisher publisher = lingering(prefix + "stream", codec);
        org.apache.kafka.clients.admin.Admin admin =
            org.apache.kafka.clients.admin.Admin.create(client)) {
      publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned())).join();
      long before = uncommittedRecords(admin, events);
      CompletableFuture<PublishResult> published =
          publisher.publish(batch("psn:1", "s1", SampleEvents.trophyEarned()));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofMillis(900))
          .pollInterval(Duration.ofMillis(10))
          .untilAsserted(
              () -> {
                assertThat(published).as("still lingering for more batches").isNotDone();
                assertThat(uncommittedRecords(admin, events) - before)
                    .as("the batch's event is on the broker before the transaction commits")
                    .isEqualTo(1);
              });
      assertThat(published.join().events()).isEqualTo(1);
    }
    assertThat(readCommitted(events)).hasSize(2);
  }

  @Test
  void shouldNotBringBackTheStateOfAWatchRemovedWhileItsTransactionWasOpen() throws Exception {
    TopicAdmin.ensure(
        client, List.of(state), STATE_PARTITIONS, List.of(events), Duration.ofSeconds(30));
    KafkaStateStore store = KafkaStateStore.empty();
    try (TransactionalPublisher publisher =
            publisher(
                settings(prefix + "removed-open", Duration.ZERO, Duration.ofSeconds(1)),
                codec,
                store);
        org.apache.kafka.clients.admin.Admin admin =
            org.apache.kafka.clients.admin.Admin.create(client)) {
      publisher.publish(batch("psn:0", "s0", SampleEvents.trophyEarned())).join();
      long before = uncommittedRecords(admin, events);
      CompletableFuture<PublishResult> published =
          publisher.publish(batch("psn:1", "s1", SampleEvents.trophyEarned()));
      // the batch is in the open transaction (its event on the broker) when the watch goes
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofMillis(900))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> uncommittedRecords(admin, events) - before == 1);
      assertThat(published).as("its transaction is still open").isNotDone();
      publisher.tombstone("psn:1");
      published.join();
      assertThat(store.get("psn:1"))
          .as("the committed transaction does not put back the state its tombstone removed")
          .isNull();
      publisher.barrier(Duration.ofSeconds(30));
      assertThat(store.get("psn:1")).isNull();
    }
    KafkaStateStore reread =
        KafkaStateStore.load(new java.util.HashMap<>(client), state, Duration.ofSeconds(30));
    assertThat(reread.get("psn:1")).as("the tombstone committed after the state").isNull();
  }

  private static long uncommittedRecords(org.apache.kafka.clients.admin.Admin admin, String topic)
      throws Exception {
    var partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
        new java.util.HashMap<>();
    partitions.forEach(
        p ->
            latest.put(
                new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                org.apache.kafka.clients.admin.OffsetSpec.latest()));
    return admin
        .listOffsets(
            latest,
            new org.apache.kafka.clients.admin.ListOffsetsOptions(
                org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED))
        .all()
        .get()
        .values()
        .stream()
        .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset)
        .sum();
  }

  private TransactionalPublisher publisher(String id, Duration pause) {
    return publisher(
        settings(id, pause, PublisherSettings.DEFAULT_LINGER), codec, KafkaStateStore.empty());
  }

  private static TransactionalPublisher publisher(
      PublisherSettings settings, AvroWireCodec codec, KafkaStateStore store) {
    return new TransactionalPublisher(
        settings,
        codec,
        store,
        new io.pitwall.kafka.Availability("Kafka", java.time.Clock.systemUTC()));
  }

  /** Settings lingering up to {@code linger}, until every poll in flight (unbounded) came. */
  private PublisherSettings settings(String id, Duration pause, Duration linger) {
    return new PublisherSettings(producerClient(), id, state, STATE_PARTITIONS, pause, false)
        .withLinger(linger, PublisherSettings.UNBOUNDED);
  }

  private PublishBatch batch(String key, String stateValue, TrophyEarned event) {
    return new PublishBatch(
        List.of(new OutgoingEvent(events, key, event)),
        key,
        stateValue.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The client with a partitioner that ignores keys (a pass-through kafka.* setting could set one):
   * state records must still land on their watch's partition, which the publisher sets itself.
   */
  private Map<String, Object> producerClient() {
    Map<String, Object> producer = new java.util.HashMap<>(client);
    producer.put(
        ProducerConfig.PARTITIONER_CLASS_CONFIG,
        org.apache.kafka.clients.producer.RoundRobinPartitioner.class.getName());
    return producer;
  }

  private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
    return TestTopics.readCommitted(topic);
  }
}
