package io.pitwall.app.cli;

import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads event topics with {@code read_committed} on its own thread, decodes each record through the
 * schema registry and hands the event on; a record that cannot be decoded is reported, not fatal.
 */
public final class EventTail implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  /**
   * Starts tailing.
   *
   * @param bootstrapServers Kafka
   * @param registryUrl schema registry
   * @param topics topics to read
   * @param fromBeginning read from the start instead of only new records
   * @param onEvent receives each decoded event
   * @param onError receives a description of each undecodable record
   */
  public EventTail(
      String bootstrapServers,
      String registryUrl,
      List<String> topics,
      boolean fromBeginning,
      Consumer<SpecificRecord> onEvent,
      Consumer<String> onError) {
    this(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new ConfluentRestRegistryClient(registryUrl),
        topics,
        fromBeginning,
        onEvent,
        onError);
  }

  /**
   * Starts tailing.
   *
   * @param client consumer settings: bootstrap servers and security (group, offsets and isolation
   *     are the tail's own)
   * @param registry the schema registry's client
   * @param topics topics to read
   * @param fromBeginning read from the start instead of only new records
   * @param onEvent receives each decoded event
   * @param onError receives a description of each undecodable record
   */
  public EventTail(
      Map<String, Object> client,
      ConfluentRestRegistryClient registry,
      List<String> topics,
      boolean fromBeginning,
      Consumer<SpecificRecord> onEvent,
      Consumer<String> onError) {
    Map<String, Object> config = new java.util.HashMap<>(client);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "pitwall-tail-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    AvroWireCodec codec = new AvroWireCodec(registry);
    consumer.subscribe(topics);
    this.thread =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  for (ConsumerRecord<String, byte[]> record :
                      consumer.poll(Duration.ofMillis(500))) {
                    try {
                      onEvent.accept(codec.decode(record.value()));
                    } catch (RuntimeException e) {
                      onError.accept(
                          record.topic()
                              + "@"
                              + record.partition()
                              + ":"
                              + record.offset()
                              + " undecodable: "
                              + e.getMessage());
                    }
                  }
                }
              } catch (WakeupException stopping) {
                // closed
              } finally {
                consumer.close(java.time.Duration.ofSeconds(5));
              }
            },
            "pitwall-tail");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
