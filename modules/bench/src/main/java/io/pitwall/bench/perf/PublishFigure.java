package io.pitwall.bench.perf;

import io.pitwall.core.WatchKey;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.PublisherSettings;
import io.pitwall.kafka.publish.TransactionalPublisher;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.source.api.OutgoingEvent;
import io.pitwall.source.psn.PsnStateCodec;
import io.pitwall.source.psn.TrophyEarnedMapper;
import io.pitwall.source.psn.diff.EarnedTrophy;
import io.pitwall.source.psn.diff.PsnWatchState;
import io.pitwall.source.psn.diff.TitleEntry;
import io.pitwall.source.psn.diff.TitleListScan;
import io.pitwall.source.psn.diff.TitleState;
import io.pitwall.source.psn.diff.TrophyDiffer;
import io.pitwall.source.psn.diff.TrophyEarnedChange;
import io.pitwall.source.psn.diff.TrophyMeta;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Pitwall's publish path against Kafka's own {@link ProducerPerformance}, on one broker, published
 * the way the engine publishes: each PSN poll (a 100-title account, one title changed, one trophy
 * newly earned) is scanned, diffed, its state encoded by the real codec and its event built, and
 * its results go to the real {@link TransactionalPublisher} as one {@link PublishBatch} (one
 * request's results, as {@code ResultPublisher} hands them over), from {@code inFlight} poll slots
 * at once (the engine's {@code poll.concurrency}), each waiting for its batch's commit before it
 * polls again. The publisher's group commit decides how many batches share a transaction; the
 * records per transaction are counted from {@link TransactionalPublisher#transactions()}. Then
 * ProducerPerformance sends as many records, of Pitwall's average record size, to a topic with as
 * many partitions, acks=all, transactional, with {@code --transaction-duration-ms} chosen so that
 * its transactions would hold as many records as Pitwall's at Pitwall's rate (both sizes are
 * printed).
 */
final class PublishFigure {

  private static final int TITLES = 100;
  private static final int ACCOUNTS = 200;

  private PublishFigure() {}

  /** What one run measured on Pitwall's side. */
  private record Measured(
      long records, long transactions, double seconds, long eventBytes, long stateBytes) {}

  /**
   * Runs both sides and prints the {@code publish:} line.
   *
   * @param polls how many polls are published
   * @param inFlight how many polls are in flight at once (the engine's {@code poll.concurrency})
   */
  static void run(String bootstrap, String registryUrl, int polls, int inFlight) throws Exception {
    String prefix = "perf.publish" + inFlight + ".";
    String eventTopic = prefix + "psn.trophy-earned";
    String stateTopic = prefix + "state";
    String kafkaTopic = prefix + "kafka";
    PerfTopics.create(bootstrap, List.of(eventTopic, kafkaTopic), List.of(stateTopic));
    Measured pitwall =
        pitwall(bootstrap, registryUrl, polls, inFlight, prefix, eventTopic, stateTopic);
    long records = pitwall.records();
    double pitwallRate = records / pitwall.seconds();
    double perTxn = TransactionMatch.recordsPerTransaction(records, pitwall.transactions());
    int recordSize = (int) ((pitwall.eventBytes() + pitwall.stateBytes()) / records);
    long durationMs = TransactionMatch.durationMs(perTxn, pitwallRate);
    double kafkaRate =
        producerPerformance(bootstrap, kafkaTopic, records, recordSize, durationMs, prefix);
    System.out.printf(
        Locale.ROOT,
        "publish: pitwall-rec-per-s=%.0f kafka-rec-per-s=%.0f records-per-txn=%.1f ratio=%.2f"
            + " (%d polls, one batch each, %d in flight: %d transactions, %.2f polls per"
            + " transaction; kafka --transaction-duration-ms=%d, so about %.1f records per kafka"
            + " txn; %d records of %d bytes on average: events %d, states %d; %d partitions,"
            + " acks=all; target >= 0.7) %s%n",
        pitwallRate,
        kafkaRate,
        perTxn,
        pitwallRate / kafkaRate,
        polls,
        inFlight,
        pitwall.transactions(),
        polls / (double) pitwall.transactions(),
        durationMs,
        TransactionMatch.kafkaRecordsPerTransaction(kafkaRate, durationMs),
        records,
        recordSize,
        pitwall.eventBytes() / polls,
        pitwall.stateBytes() / polls,
        PerfTopics.PARTITIONS,
        Load.now());
  }

  /** Publishes the polls from {@code inFlight} slots and counts what the publisher made of them. */
  private static Measured pitwall(
      String bootstrap,
      String registryUrl,
      int polls,
      int inFlight,
      String prefix,
      String eventTopic,
      String stateTopic)
      throws Exception {
    List<PsnWatchState> priors = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      priors.add(SyntheticPsn.state(a, TITLES));
    }
    Map<String, Object> client = new LinkedHashMap<>();
    client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    client.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    AvroWireCodec codec = new AvroWireCodec(new ConfluentRestRegistryClient(registryUrl));
    try (TransactionalPublisher publisher =
        new TransactionalPublisher(
            PublisherSettings.of(client, prefix + "pitwall", stateTopic),
            codec,
            KafkaStateStore.empty(),
            new Availability("Kafka", Clock.systemUTC()))) {
      // one warm-up batch registers the schema and opens the producer's connections
      publisher.publish(batch(priors, 0, eventTopic, codec, null)).join();
      long[] sizes = new long[2];
      int sample = Math.min(polls, 200);
      for (int p = 0; p < sample; p++) {
        batch(priors, p, eventTopic, codec, sizes);
      }
      AtomicInteger next = new AtomicInteger();
      AtomicLong records = new AtomicLong();
      ExecutorService slots = Executors.newFixedThreadPool(inFlight);
      long transactionsBefore = publisher.transactions();
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < inFlight; s++) {
        running.add(
            slots.submit(
                () -> {
                  // a poll slot: poll (here: scan, diff, encode), publish, wait for the commit
                  for (int p = next.getAndIncrement(); p < polls; p = next.getAndIncrement()) {
                    PublishBatch batch = batch(priors, p, eventTopic, codec, null);
                    records.addAndGet(batch.events().size() + batch.states().size());
                    publisher.publish(batch).join();
                  }
                }));
      }
      try {
        for (Future<?> slot : running) {
          slot.get();
        }
      } finally {
        slots.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measured(
          records.get(),
          publisher.transactions() - transactionsBefore,
          seconds,
          sizes[0] * polls / sample,
          sizes[1] * polls / sample);
    }
  }

  /**
   * The batch of poll {@code p}: scanned, diffed and encoded here (the poller's work), its event as
   * {@link TrophyEarnedMapper} builds it.
   *
   * @param sizes when not null, the encoded events' and states' bytes are added to it (an extra
   *     encode, so only outside the timed loop)
   */
  private static PublishBatch batch(
      List<PsnWatchState> priors, int p, String eventTopic, AvroWireCodec codec, long[] sizes) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    Instant now = Instant.now();
    int account = p % ACCOUNTS;
    int changed = (p / ACCOUNTS) % TITLES;
    PsnWatchState prior = priors.get(account);
    List<TitleEntry> page = SyntheticPsn.titleList(account, TITLES, changed);
    TitleListScan.Verdict verdict = TitleListScan.scan(prior, page, true);
    TitleEntry entry = verdict.changed().get(0);
    List<EarnedTrophy> earned = SyntheticPsn.earned(account, changed, 1, entry.lastUpdated());
    TrophyDiffer.Result diff =
        TrophyDiffer.diff(prior.title(entry.npCommunicationId()), entry, earned);
    Map<String, TitleState> diffed = Map.of(entry.npCommunicationId(), diff.next());
    byte[] state = PsnStateCodec.encode(prior.advance(page, diffed));
    WatchKey key = new WatchKey("psn", "account-" + account + "-" + p);
    for (EarnedTrophy trophy : diff.newlyEarned()) {
      TrophyMeta meta =
          new TrophyMeta(
              trophy.trophyId(),
              "default",
              null,
              "bronze",
              "Trophy " + trophy.trophyId(),
              "Earn it",
              "https://image.example/t.png",
              false,
              null,
              null);
      var value =
          TrophyEarnedMapper.toEvent(key, null, new TrophyEarnedChange(entry, meta, trophy), now);
      events.add(new OutgoingEvent(eventTopic, key.toString(), value));
      if (sizes != null) {
        sizes[0] += codec.encode(eventTopic, value).length;
      }
    }
    states.put(key.toString(), state);
    if (sizes != null) {
      sizes[1] += state.length;
    }
    return new PublishBatch(events, states);
  }

  /** Runs Kafka's ProducerPerformance in this JVM and returns its records per second. */
  private static double producerPerformance(
      String bootstrap, String topic, long records, int recordSize, long durationMs, String prefix)
      throws Exception {
    String[] args = {
      "--topic",
      topic,
      "--num-records",
      Long.toString(records),
      "--record-size",
      Integer.toString(recordSize),
      "--throughput",
      "-1",
      "--transactional-id",
      prefix + "kafka-perf",
      "--transaction-duration-ms",
      Long.toString(durationMs),
      "--producer-props",
      "bootstrap.servers=" + bootstrap,
      "acks=all",
      "enable.idempotence=true",
      "max.request.size=" + (4 * 1024 * 1024)
    };
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ProducerPerformance.main(args);
    } finally {
      System.setOut(original);
    }
    return TransactionMatch.producerPerformanceRate(captured.toString(StandardCharsets.UTF_8));
  }
}
