package io.pitwall.kafka.watches;

import io.pitwall.kafka.publish.KafkaUnavailableException;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rejected input to the dead-letter topic, unchanged, with provenance headers (as Kafka
 * Connect's dead-letter reporter does): {@code pitwall.dlq.topic}, {@code .partition}, {@code
 * .offset}, {@code .reason}, {@code .exception.class}, {@code .exception.message}.
 *
 * <p>Each letter is committed in one transaction with a mark in the state topic (key {@code
 * dlq/<topic>/<partition>/<offset>}), so a restart that reads the same record again does not send
 * it again. A send that Kafka does not take is retried until it does: one WARN when the sends start
 * failing, one INFO when they work again, and every retry counted ({@link #retries()}).
 */
public final class DeadLetterQueue {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);
  private static final Duration BACKOFF = Duration.ofSeconds(1);

  private final String topic;
  private final TransactionalPublisher publisher;
  private final KafkaStateStore marks;
  private final AtomicLong retries = new AtomicLong();

  /**
   * @param topic the dead-letter topic
   * @param publisher commits each letter with its mark
   * @param marks the state store that holds the marks (restored at start)
   */
  public DeadLetterQueue(String topic, TransactionalPublisher publisher, KafkaStateStore marks) {
    this.topic = topic;
    this.publisher = publisher;
    this.marks = marks;
  }

  /** The prefix of the marks' state keys. */
  public static final String MARK_PREFIX = "dlq/";

  /** The state key that remembers that a source record was dead-lettered. */
  public static String markKey(ConsumerRecord<?, ?> record) {
    return MARK_PREFIX + record.topic() + "/" + record.partition() + "/" + record.offset();
  }

  /** Whether this record was dead-lettered before (by this run or an earlier one). */
  public boolean sentBefore(ConsumerRecord<?, ?> record) {
    return marks.get(markKey(record)) != null;
  }

  /**
   * Routes a rejected record, waiting (and retrying) until Kafka committed it.
   *
   * @return false when the record had been dead-lettered before (by an earlier run)
   * @throws IllegalStateException when publishing stopped for good
   */
  public boolean send(
      ConsumerRecord<byte[], byte[]> rejected,
      String reason,
      String exceptionClass,
      String message) {
    String mark = markKey(rejected);
    if (sentBefore(rejected)) {
      LOG.debug("{} was dead-lettered before; not again", mark);
      return false;
    }
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(topic, rejected.key(), rejected.value());
    Headers headers = letter.headers();
    header(headers, "pitwall.dlq.topic", rejected.topic());
    header(headers, "pitwall.dlq.partition", Integer.toString(rejected.partition()));
    header(headers, "pitwall.dlq.offset", Long.toString(rejected.offset()));
    header(headers, "pitwall.dlq.reason", reason);
    header(headers, "pitwall.dlq.exception.class", exceptionClass);
    header(headers, "pitwall.dlq.exception.message", message);
    boolean failing = false;
    while (true) {
      try {
        publisher.deadLetter(letter, mark).join();
        if (failing) {
          LOG.info("Dead letters reach {} again", topic);
        }
        return true;
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof KafkaUnavailableException)) {
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!failing) {
          LOG.warn(
              "Could not route {} to {} ({}); retrying every {} s until Kafka takes it",
              mark,
              topic,
              e.getCause().getMessage(),
              BACKOFF.toSeconds());
          failing = true;
        }
        retries.incrementAndGet();
        sleep();
      }
    }
  }

  /** How many dead-letter sends were retried. */
  public long retries() {
    return retries.get();
  }

  private static void sleep() {
    try {
      Thread.sleep(BACKOFF.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while routing a dead letter", e);
    }
  }

  private static void header(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
