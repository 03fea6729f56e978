package io.pitwall.bench.perf;

import io.pitwall.core.WatchKey;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.PublishResult;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Pitwall's publish path against Kafka's own {@link ProducerPerformance}, on one broker: each PSN
 * poll (a 100-title account, one title changed, one trophy newly earned) is scanned, diffed, its
 * state encoded by the real codec and its event built, then handed to the real {@link
 * TransactionalPublisher} (Avro encode in the registry's wire format, one transaction of events and
 * states), with {@code pollsPerTxn} polls per {@link PublishBatch}. Then ProducerPerformance sends
 * as many records, of Pitwall's average record size, to a topic with as many partitions, acks=all,
 * transactional, with {@code --transaction-duration-ms} chosen so that its transactions would hold
 * as many records as Pitwall's at Pitwall's rate (both sizes are printed).
 */
final class PublishFigure {

  private static final int TITLES = 100;
  private static final int ACCOUNTS = 200;
  private static final int IN_FLIGHT = 16;
  private static final Pattern KAFKA_RATE = Pattern.compile("([0-9.]+) records/sec");

  private PublishFigure() {}

  /** Runs both sides and prints the {@code publish:} line. */
  static void run(String bootstrap, String registryUrl, int polls, int pollsPerTxn)
      throws Exception {
    String prefix = "perf" + pollsPerTxn + ".";
    String eventTopic = prefix + "psn.trophy-earned";
    String stateTopic = prefix + "state";
    String kafkaTopic = prefix + "kafka";
    PerfTopics.create(bootstrap, List.of(eventTopic, kafkaTopic), List.of(stateTopic));
    List<PsnWatchState> priors = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      priors.add(SyntheticPsn.state(a, TITLES));
    }
    Map<String, Object> client = new LinkedHashMap<>();
    client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    client.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    AvroWireCodec codec = new AvroWireCodec(new ConfluentRestRegistryClient(registryUrl));
    long eventBytes = 0;
    long stateBytes = 0;
    long records = 0;
    long transactions = 0;
    double pitwallSeconds;
    try (TransactionalPublisher publisher =
        new TransactionalPublisher(
            PublisherSettings.of(client, prefix + "pitwall", stateTopic),
            codec,
            KafkaStateStore.empty(),
            new Availability("Kafka", Clock.systemUTC()))) {
      // one warm-up batch registers the schema and opens the producer's connections
      publisher.publish(batch(priors, 0, 1, eventTopic, codec, null)).join();
      long[] sizes = new long[2];
      int sample = Math.min(polls, 200);
      batch(priors, 0, sample, eventTopic, codec, sizes);
      Deque<CompletableFuture<PublishResult>> inFlight = new ArrayDeque<>();
      long start = System.nanoTime();
      for (int p = 0; p < polls; p += pollsPerTxn) {
        int n = Math.min(pollsPerTxn, polls - p);
        inFlight.add(publisher.publish(batch(priors, p, n, eventTopic, codec, null)));
        records += 2L * n;
        transactions++;
        while (inFlight.size() >= IN_FLIGHT) {
          inFlight.poll().join();
        }
      }
      inFlight.forEach(CompletableFuture::join);
      pitwallSeconds = (System.nanoTime() - start) / 1e9;
      eventBytes = sizes[0] * records / (2L * sample);
      stateBytes = sizes[1] * records / (2L * sample);
    }
    double pitwallRate = records / pitwallSeconds;
    double perTxn = records / (double) transactions;
    int recordSize = (int) ((eventBytes + stateBytes) / records);
    long durationMs = Math.max(1, Math.round(1000 * perTxn / pitwallRate));
    double kafkaRate =
        producerPerformance(bootstrap, kafkaTopic, records, recordSize, durationMs, prefix);
    System.out.printf(
        Locale.ROOT,
        "publish: pitwall-rec-per-s=%.0f kafka-rec-per-s=%.0f records-per-txn=%.1f ratio=%.2f"
            + " (kafka --transaction-duration-ms=%d, so about %.1f records per kafka txn;"
            + " %d records of %d bytes on average: events %d, states %d; %d partitions, acks=all;"
            + " target >= 0.7) %s%n",
        pitwallRate,
        kafkaRate,
        perTxn,
        pitwallRate / kafkaRate,
        durationMs,
        kafkaRate * durationMs / 1000.0,
        records,
        recordSize,
        eventBytes / (records / 2),
        stateBytes / (records / 2),
        PerfTopics.PARTITIONS,
        Load.now());
  }

  /**
   * The batch of polls {@code from} to {@code from + n}: each scanned, diffed and encoded here (the
   * poller's work), their events as {@link TrophyEarnedMapper} builds them.
   *
   * @param sizes when not null, the encoded events' and states' bytes are added to it (an extra
   *     encode, so only outside the timed loop)
   */
  private static PublishBatch batch(
      List<PsnWatchState> priors,
      int from,
      int n,
      String eventTopic,
      AvroWireCodec codec,
      long[] sizes) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (int p = from; p < from + n; p++) {
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
    String output = captured.toString(StandardCharsets.UTF_8);
    String[] lines = output.strip().split("\n");
    Matcher m = KAFKA_RATE.matcher(lines[lines.length - 1]);
    if (!m.find()) {
      throw new IllegalStateException("ProducerPerformance printed no rate: " + output);
    }
    return Double.parseDouble(m.group(1));
  }
}
