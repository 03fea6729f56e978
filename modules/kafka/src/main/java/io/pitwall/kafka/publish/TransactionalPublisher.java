package io.pitwall.kafka.publish;

import io.pitwall.events.wire.AvroWireCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each poll's events and the watch's new state in one Kafka transaction, on its own
 * thread (the producer blocks). A crash anywhere leaves both or neither: on restart the previous
 * producer's open transaction is aborted when this one initialises with the same {@code
 * transactional.id}, and {@code read_committed} readers never see its records.
 *
 * <p>A batch that fails is aborted and its future fails; the watch's state is not advanced, so the
 * next poll finds the same changes again. Fencing and other fatal producer errors fail every later
 * batch: the engine must stop.
 */
public final class TransactionalPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

  private final KafkaProducer<String, byte[]> producer;
  private final AvroWireCodec codec;
  private final String stateTopic;
  private final Duration pauseBeforeCommit;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "pitwall-publisher"));
  private volatile KafkaException fatal;

  /**
   * @param producerConfig client settings (bootstrap servers, security, pass-through {@code
   *     kafka.producer.*}), without serializers or transactional id
   * @param transactionalId this instance's transactional id (stable across restarts)
   * @param codec encodes events in the Schema Registry wire format
   * @param stateTopic the compacted state topic
   * @param pauseBeforeCommit fault injection for crash tests: time to wait between sending and
   *     committing (zero in production)
   */
  public TransactionalPublisher(
      Map<String, Object> producerConfig,
      String transactionalId,
      AvroWireCodec codec,
      String stateTopic,
      Duration pauseBeforeCommit) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.codec = codec;
    this.stateTopic = stateTopic;
    this.pauseBeforeCommit = pauseBeforeCommit;
    CompletableFuture.runAsync(producer::initTransactions, thread).join();
  }

  /** Publishes a batch atomically; the future completes once the transaction committed. */
  public CompletableFuture<Void> publish(PublishBatch batch) {
    return CompletableFuture.runAsync(() -> inTransaction(batch), thread);
  }

  /** Whether the producer hit an unrecoverable error. */
  public boolean failed() {
    return fatal != null;
  }

  /** Observes producer metrics (for the Micrometer binder). */
  public void withProducer(Consumer<KafkaProducer<String, byte[]>> consumer) {
    consumer.accept(producer);
  }

  private void inTransaction(PublishBatch batch) {
    if (fatal != null) {
      throw new IllegalStateException("publisher stopped after a fatal producer error", fatal);
    }
    producer.beginTransaction();
    try {
      for (OutgoingEvent event : batch.events()) {
        producer.send(
            new ProducerRecord<>(
                event.topic(), event.key(), codec.encode(event.topic(), event.value())));
      }
      batch
          .states()
          .forEach((key, state) -> producer.send(new ProducerRecord<>(stateTopic, key, state)));
      if (!pauseBeforeCommit.isZero()) {
        producer.flush();
        LOG.warn(
            "Fault injection: pausing {} ms inside an open transaction",
            pauseBeforeCommit.toMillis());
        sleep(pauseBeforeCommit);
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      fatal = e;
      LOG.error("Fatal producer error; publishing stops: {}", e.toString());
      throw e;
    } catch (RuntimeException e) {
      try {
        producer.abortTransaction();
      } catch (KafkaException abortFailed) {
        fatal = abortFailed;
        LOG.error(
            "Could not abort a failed transaction; publishing stops: {}", abortFailed.toString());
      }
      throw e;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
