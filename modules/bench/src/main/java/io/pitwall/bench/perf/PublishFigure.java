package io.pitwall.bench.perf;

import io.pitwall.core.WatchKey;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.Availability;
import io.pitwall.kafka.publish.PublishBatch;
import io.pitwall.kafka.publish.PublishTimings;
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
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Pitwall's publish path against Kafka's own {@link ProducerPerformance}, on one broker, published
 * the way the engine publishes: each PSN poll (a 100-title account, one title changed, one trophy
 * newly earned) decodes its prior state, is scanned, diffed, its state encoded by the real codec
 * and its event built, and its results go to the real {@link TransactionalPublisher} as one {@link
 * PublishBatch} (one request's results, as {@code ResultPublisher} hands them over), from {@code
 * inFlight} poll slots at once (the engine's {@code poll.concurrency}), each waiting for its
 * batch's commit before it polls again. The publisher's group commit decides how many batches share
 * a transaction; the records per transaction are counted from {@link
 * TransactionalPublisher#transactions()}. Then ProducerPerformance sends as many records, of
 * Pitwall's average record size, to a topic with as many partitions, acks=all, transactional, with
 * {@code --transaction-duration-ms} chosen so that its transactions would hold as many records as
 * Pitwall's at Pitwall's rate (both sizes are printed).
 */
final class PublishFigure {

  private static final int TITLES = 100;
  private static final int ACCOUNTS = 200;

  private PublishFigure() {}

  /** What one run measured on Pitwall's side. */
  private record Measured(
      long records,
      long transactions,
      double seconds,
      long eventBytes,
      long stateBytes,
      PublishTimings timings,
      double slotCpuNanosPerPoll,
      double retries) {}

  /**
   * Whether the polls' work (scan, diff, state encoding) is done before the clock starts, so that
   * the figure is the publisher's alone: the JVM option {@code -Dperf.publish.prebuilt=true}.
   */
  static final boolean PREBUILT = Boolean.getBoolean("perf.publish.prebuilt");

  /**
   * Whether each side runs once untimed before the measured runs: the default, {@code
   * -Dperf.publish.warm-up=false} skips it.
   */
  static final boolean WARM_UP =
      Boolean.parseBoolean(System.getProperty("perf.publish.warm-up", "true"));

  /**
   * Runs both sides and prints the {@code publish:} line and the {@code publish-timings:} line.
   *
   * @param polls how many polls are published
   * @param inFlight how many polls are in flight at once (the engine's {@code poll.concurrency})
   * @param linger the publisher's linger ({@link PublisherSettings#linger()})
   */
  static void run(String bootstrap, String registryUrl, int polls, int inFlight, Duration linger)
      throws Exception {
    String prefix =
        "perf.publish" + inFlight + "." + linger.toMillis() + (PREBUILT ? ".prebuilt." : ".");
    String eventTopic = prefix + "psn.trophy-earned";
    String stateTopic = prefix + "state";
    String kafkaTopic = prefix + "kafka";
    PerfTopics.create(bootstrap, List.of(eventTopic, kafkaTopic), List.of(stateTopic));
    if (WARM_UP) {
      // the broker runs in this JVM: a first, untimed pass of each side warms the broker's code
      // and both clients' (without it, whichever side ran first paid for the broker's JIT)
      Measured first =
          pitwall(bootstrap, registryUrl, polls, inFlight, linger, prefix, eventTopic, stateTopic);
      ProducerPerformanceRun.run(
          bootstrap,
          kafkaTopic,
          first.records(),
          (int) ((first.eventBytes() + first.stateBytes()) / first.records()),
          TransactionMatch.SHORTEST_MS);
    }
    Measured pitwall =
        pitwall(bootstrap, registryUrl, polls, inFlight, linger, prefix, eventTopic, stateTopic);
    long records = pitwall.records();
    double pitwallRate = records / pitwall.seconds();
    double perTxn = TransactionMatch.recordsPerTransaction(records, pitwall.transactions());
    int recordSize = (int) ((pitwall.eventBytes() + pitwall.stateBytes()) / records);

    KafkaSide side =
        KafkaSide.match(bootstrap, kafkaTopic, records, recordSize, pitwallRate, perTxn);
    ProducerPerformanceRun kafka = side.closest();
    System.out.printf(
        Locale.ROOT,
        "publish: pitwall-rec-per-s=%.0f kafka-rec-per-s=%.0f records-per-txn=%.1f"
            + " kafka-records-per-txn=%.1f ratio=%s (%d polls, one batch each, %d in flight,"
            + " linger %d ms%s: %d transactions, %.2f polls per transaction; kafka"
            + " --transaction-duration-ms=%d, %d transactions (records per transaction by"
            + " duration: %s); %d records of %d bytes on average: events %d, states %d; %d"
            + " partitions, acks=all;%s target >= 0.7) %s%n",
        pitwallRate,
        kafka.rate(),
        perTxn,
        side.perTransaction(),
        side.ratio(),
        polls,
        inFlight,
        linger.toMillis(),
        PREBUILT ? ", the polls' work done before the clock started" : "",
        pitwall.transactions(),
        polls / (double) pitwall.transactions(),
        kafka.durationMs(),
        kafka.transactions(),
        side.tries(),
        records,
        recordSize,
        pitwall.eventBytes() / polls,
        pitwall.stateBytes() / polls,
        PerfTopics.PARTITIONS,
        WARM_UP ? " each side warmed up by an untimed run;" : " no warm-up;",
        Load.now());
    System.out.printf(
        Locale.ROOT,
        "publish-timings: %d in flight, linger %d ms: pitwall %.2f ms per transaction (publisher"
            + " thread: %s; the slots' poll work %.3f ms CPU per poll; %.0f records retried);"
            + " kafka %.2f ms per transaction, of which commit %.2f ms (%.0f records retried) %s%n",
        inFlight,
        linger.toMillis(),
        pitwall.seconds() * 1000 / pitwall.transactions(),
        pitwall.timings().perTransaction(),
        pitwall.slotCpuNanosPerPoll() / 1e6,
        pitwall.retries(),
        records / kafka.rate() * 1000 / kafka.transactions(),
        kafka.commitNanos() / kafka.transactions() / 1e6,
        kafka.retries(),
        Load.now());
  }

  /** Publishes the polls from {@code inFlight} slots and counts what the publisher made of them. */
  private static Measured pitwall(
      String bootstrap,
      String registryUrl,
      int polls,
      int inFlight,
      Duration linger,
      String prefix,
      String eventTopic,
      String stateTopic)
      throws Exception {
    List<PsnWatchState> priors = new ArrayList<>();
    // the engine keeps each watch's state encoded, as the store holds it, and decodes it per poll
    List<byte[]> stored = new ArrayList<>();
    for (int a = 0; a < ACCOUNTS; a++) {
      priors.add(SyntheticPsn.state(a, TITLES));
      stored.add(PsnStateCodec.encode(priors.get(a)));
    }
    Map<String, Object> client = new LinkedHashMap<>();
    client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    client.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    AvroWireCodec codec = new AvroWireCodec(new ConfluentRestRegistryClient(registryUrl));
    try (TransactionalPublisher publisher =
        new TransactionalPublisher(
            new PublisherSettings(
                client,
                prefix + "pitwall",
                stateTopic,
                PerfTopics.PARTITIONS,
                Duration.ZERO,
                false,
                linger,
                inFlight),
            codec,
            KafkaStateStore.empty(),
            new Availability("Kafka", Clock.systemUTC()))) {
      List<Producer<byte[], byte[]>> producers = new java.util.concurrent.CopyOnWriteArrayList<>();
      publisher.onProducer(producers::add);
      // what the upstream answers (the synthetic pages) is made before the clock starts: it
      // stands for the HTTP responses, not for Pitwall's work
      List<Upstream> answers = new ArrayList<>();
      for (int p = 0; p < polls; p++) {
        answers.add(Upstream.of(priors, p));
      }
      // one warm-up batch registers the schema and opens the producer's connections
      publisher.publish(batch(stored, answers.get(0), eventTopic, codec, null)).join();
      long[] sizes = new long[2];
      int sample = Math.min(polls, 200);
      for (int p = 0; p < sample; p++) {
        batch(stored, answers.get(p), eventTopic, codec, sizes);
      }
      // with PREBUILT, the polls' work too: what is left is the publish path alone
      List<PublishBatch> built = PREBUILT ? new ArrayList<>() : null;
      if (PREBUILT) {
        for (Upstream answer : answers) {
          built.add(batch(stored, answer, eventTopic, codec, null));
        }
      }
      double retriesBefore = retries(producers);
      AtomicLong slotCpu = new AtomicLong();
      AtomicInteger next = new AtomicInteger();
      AtomicLong records = new AtomicLong();
      // the slots are logical, as in the engine: up to inFlight polls are in flight, and their
      // work runs on as many poller threads as there are cores (the engine's event loops)
      ExecutorService pollers =
          Executors.newFixedThreadPool(
              Math.min(inFlight, Runtime.getRuntime().availableProcessors()));
      java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      PublishTimings before = publisher.timings();
      long start = System.nanoTime();
      List<CompletableFuture<Void>> running = new ArrayList<>();
      try {
        for (int s = 0; s < inFlight; s++) {
          running.add(
              CompletableFuture.supplyAsync(
                      () ->
                          slot(
                              () -> {
                                // a poll: scan, diff, encode (on a poller thread)
                                int p = next.getAndIncrement();
                                if (p >= polls) {
                                  return null;
                                }
                                long cpuBefore = cpu.getCurrentThreadCpuTime();
                                PublishBatch batch =
                                    built != null
                                        ? built.get(p)
                                        : batch(stored, answers.get(p), eventTopic, codec, null);
                                slotCpu.addAndGet(cpu.getCurrentThreadCpuTime() - cpuBefore);
                                records.addAndGet(batch.events().size() + batch.states().size());
                                return batch;
                              },
                              publisher,
                              pollers),
                      pollers)
                  .thenCompose(f -> f));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
      } finally {
        pollers.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      PublishTimings timings = publisher.timings().since(before);
      return new Measured(
          records.get(),
          timings.transactions(),
          seconds,
          sizes[0] * polls / sample,
          sizes[1] * polls / sample,
          timings,
          slotCpu.get() / (double) polls,
          retries(producers) - retriesBefore);
    }
  }

  /**
   * One poll slot: polls (on a poller thread), publishes, and once the batch committed polls again
   * (back on a poller thread, never on the publisher's), until {@code poll} has no poll left.
   */
  private static CompletableFuture<Void> slot(
      java.util.function.Supplier<PublishBatch> poll,
      TransactionalPublisher publisher,
      ExecutorService pollers) {
    PublishBatch batch = poll.get();
    if (batch == null) {
      return CompletableFuture.completedFuture(null);
    }
    return publisher
        .publish(batch)
        .thenComposeAsync(committed -> slot(poll, publisher, pollers), pollers);
  }

  /** The records the publisher's producers retried (Kafka's {@code record-retry-total}). */
  private static double retries(List<Producer<byte[], byte[]>> producers) {
    double total = 0;
    for (Producer<byte[], byte[]> producer : producers) {
      for (var metric : producer.metrics().entrySet()) {
        if (metric.getKey().name().equals("record-retry-total")
            && metric.getKey().group().equals("producer-metrics")) {
          total += ((Number) metric.getValue().metricValue()).doubleValue();
        }
      }
    }
    return total;
  }

  /**
   * What the upstream answered for poll {@code p}: its title list (one title changed) and the
   * changed title's earned trophies (one newly earned).
   */
  private record Upstream(int p, List<TitleEntry> page, List<EarnedTrophy> earned) {
    static Upstream of(List<PsnWatchState> priors, int p) {
      int account = p % ACCOUNTS;
      int changed = (p / ACCOUNTS) % TITLES;
      List<TitleEntry> page = SyntheticPsn.titleList(account, TITLES, changed);
      TitleEntry entry = TitleListScan.scan(priors.get(account), page, true).changed().get(0);
      return new Upstream(p, page, SyntheticPsn.earned(account, changed, 1, entry.lastUpdated()));
    }
  }

  /**
   * The batch of a poll: the prior state decoded from its stored bytes, the page scanned and
   * diffed, the next state encoded here (the poller's work, as {@code PsnSourcePoller} does it),
   * its event as {@link TrophyEarnedMapper} builds it.
   *
   * @param sizes when not null, the encoded events' and states' bytes are added to it (an extra
   *     encode, so only outside the timed loop)
   */
  private static PublishBatch batch(
      List<byte[]> stored, Upstream answer, String eventTopic, AvroWireCodec codec, long[] sizes) {
    List<OutgoingEvent> events = new ArrayList<>();
    Map<String, byte[]> states = new LinkedHashMap<>();
    Instant now = Instant.now();
    int p = answer.p();
    int account = p % ACCOUNTS;
    PsnWatchState prior = PsnStateCodec.decode(stored.get(account));
    List<TitleEntry> page = answer.page();
    TitleListScan.Verdict verdict = TitleListScan.scan(prior, page, true);
    TitleEntry entry = verdict.changed().get(0);
    List<EarnedTrophy> earned = answer.earned();
    TrophyDiffer.Result diff =
        TrophyDiffer.diff(prior.title(entry.npCommunicationId()), entry, earned);
    Map<String, TitleState> diffed = Map.of(entry.npCommunicationId(), diff.next());
    byte[] state = PsnStateCodec.encode(prior.advance(page, diffed));
    WatchKey key = new WatchKey("psn", "account-" + account + "-" + p);
    for (EarnedTrophy trophy : diff.newlyEarned()) {
      TrophyMeta meta = SyntheticPsn.meta(trophy.trophyId());
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
}
