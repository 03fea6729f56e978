package io.pitwall.kafka.watches;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted watches topic on its own thread, from the beginning (the topic is a table):
 * every valid record is applied live, every tombstone removes its watch, and every bad record goes
 * to the dead-letter topic (once, even across restarts), is counted and logged once, while the
 * others keep flowing.
 */
public final class WatchesTopicReader implements AutoCloseable {

  /** Receives the topic's changes. */
  public interface Listener {
    /** A watch was added or changed. */
    void upsert(WatchDefinition watch);

    /** A watch was removed. */
    void remove(WatchKey key);
  }

  private static final Logger LOG = LoggerFactory.getLogger(WatchesTopicReader.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;

  /**
   * Starts following.
   *
   * @param clientConfig client settings
   * @param topic the watches topic
   * @param parser validates records
   * @param dlq where bad records go
   * @param listener receives the changes
   * @param rejected told each rejection's reason (for metrics)
   */
  public WatchesTopicReader(
      Map<String, Object> clientConfig,
      String topic,
      WatchRecordParser parser,
      DeadLetterQueue dlq,
      Listener listener,
      BiConsumer<String, String> rejected) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "pitwall-watches-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    io.pitwall.kafka.TopicSnapshot.assignFromBeginning(consumer, topic);
    this.thread = new Thread(() -> run(parser, dlq, listener, rejected), "pitwall-watches-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(
      WatchRecordParser parser,
      DeadLetterQueue dlq,
      Listener listener,
      BiConsumer<String, String> rejected) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          WatchRecord parsed;
          try {
            parsed = parser.parse(record.key(), record.value());
          } catch (RuntimeException unexpected) {
            parsed = new WatchRecord.Rejected("PARSE_FAILURE", unexpected.toString());
          }
          if (parsed instanceof WatchRecord.Upsert upsert) {
            listener.upsert(upsert.watch());
          } else if (parsed instanceof WatchRecord.Remove remove) {
            listener.remove(remove.key());
          } else if (parsed instanceof WatchRecord.Rejected bad && !dlq.sentBefore(record)) {
            LOG.warn(
                "Rejected watches record {}-{}@{}: {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                bad.reason(),
                bad.message());
            if (dlq.send(
                record, bad.reason(), WatchRecord.Rejected.class.getName(), bad.message())) {
              rejected.accept(bad.reason(), bad.message());
            }
          }
        }
      }
    } catch (WakeupException closing) {
      // closed
    } catch (RuntimeException e) {
      LOG.error("Watches reader stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * The consumer, for metrics binders only (such as Micrometer's Kafka client metrics, which read
   * {@code metrics()}); it is polled on the reader's own thread, so nothing else may use it.
   */
  public org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer() {
    return consumer;
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
