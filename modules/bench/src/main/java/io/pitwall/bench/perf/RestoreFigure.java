package io.pitwall.bench.perf;

import io.pitwall.kafka.state.KafkaStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Restore time: the states of a filled store written to a compacted state topic of {@link
 * PerfTopics#PARTITIONS} partitions in transactions of 1,000 (as an engine leaves it), then a new
 * {@link KafkaStateStore} reads it to its end the way the engine's start does ({@code create}, then
 * {@code reload}).
 */
final class RestoreFigure {

  private static final String TOPIC = "perf.restore.state";

  private RestoreFigure() {}

  /** Writes the states, restores them, and prints the {@code restore:} line. */
  static void run(String bootstrap, KafkaStateStore filled, int watches) throws Exception {
    PerfTopics.create(bootstrap, List.of(), List.of(TOPIC));
    Map<String, Object> producer = new HashMap<>();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "perf-restore-writer");
    producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
      p.initTransactions();
      for (int from = 0; from < watches; from += 1000) {
        p.beginTransaction();
        for (int a = from; a < Math.min(watches, from + 1000); a++) {
          String key = MemoryFigure.key(a);
          p.send(
              new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8), filled.get(key)));
        }
        p.commitTransaction();
      }
    }
    Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long start = System.nanoTime();
    KafkaStateStore restored = KafkaStateStore.create(consumer, TOPIC, Duration.ofMinutes(5));
    restored.reload(Set.of());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (restored.size() != watches) {
      throw new IllegalStateException(
          "restored " + restored.size() + " states of the " + watches + " written");
    }
    System.out.printf(
        Locale.ROOT,
        "restore: watches=%d seconds=%.1f (state topic read to its end, %d partitions; target <="
            + " 30) %s%n",
        watches,
        seconds,
        PerfTopics.PARTITIONS,
        Load.now());
  }
}
