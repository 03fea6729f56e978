package io.pitwall.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A {@code read_committed} consumer tailing the event topics during the whole run, on its own
 * thread: it notes when each committed event became visible (for the recovery times) and keeps the
 * records (for the catch-up check). It rides through broker outages like any consumer does.
 */
final class EventTail implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final NavigableSet<Instant> arrivals = new ConcurrentSkipListSet<>();
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  EventTail(String bootstrapServers, List<String> topics) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-tail-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(
        Pattern.compile(String.join("|", topics.stream().map(Pattern::quote).toList())));
    thread = new Thread(this::run, "chaos-event-tail");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        var batch = consumer.poll(Duration.ofMillis(200));
        if (batch.isEmpty()) {
          continue;
        }
        Instant now = Instant.now();
        synchronized (records) {
          for (ConsumerRecord<String, byte[]> record : batch) {
            records.add(record);
            // distinct instants per record, so that every arrival counts
            arrivals.add(now.plusNanos(records.size()));
          }
        }
      }
    } catch (WakeupException stopping) {
      // closed
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** When each committed event became visible, in order. */
  NavigableSet<Instant> arrivals() {
    return arrivals;
  }

  /** How many events it saw so far. */
  int size() {
    synchronized (records) {
      return records.size();
    }
  }

  /** A copy of the records seen so far. */
  List<ConsumerRecord<String, byte[]>> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** When the last event arrived, or null. */
  Instant lastArrival() {
    return arrivals.isEmpty() ? null : arrivals.last();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
