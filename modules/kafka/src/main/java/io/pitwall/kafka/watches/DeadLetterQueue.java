package io.pitwall.kafka.watches;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends rejected input to the dead-letter topic, unchanged, with provenance headers (as Kafka
 * Connect's dead-letter reporter does): {@code pitwall.dlq.topic}, {@code .partition}, {@code
 * .offset}, {@code .reason}, {@code .exception.class}, {@code .exception.message}.
 */
public final class DeadLetterQueue implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;

  /**
   * @param clientConfig client settings (bootstrap servers, security)
   * @param topic the dead-letter topic
   */
  public DeadLetterQueue(Map<String, Object> clientConfig, String topic) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  /** Routes a rejected record, waiting until the broker has it. */
  public void send(
      ConsumerRecord<byte[], byte[]> rejected,
      String reason,
      String exceptionClass,
      String message) {
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(topic, rejected.key(), rejected.value());
    Headers headers = out.headers();
    header(headers, "pitwall.dlq.topic", rejected.topic());
    header(headers, "pitwall.dlq.partition", Integer.toString(rejected.partition()));
    header(headers, "pitwall.dlq.offset", Long.toString(rejected.offset()));
    header(headers, "pitwall.dlq.reason", reason);
    header(headers, "pitwall.dlq.exception.class", exceptionClass);
    header(headers, "pitwall.dlq.exception.message", message);
    try {
      producer.send(out).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while routing a record to " + topic, e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "could not route a record to " + topic + ": " + e.getCause(), e.getCause());
    }
  }

  private static void header(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
