package io.pitwall.bench.perf;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.app.engine.Engine;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchOptions;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.kafka.state.KafkaStateStore;
import io.pitwall.kafka.watches.WatchJson;
import io.pitwall.kafka.watches.WatchPartitioner;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import io.pitwall.source.psn.PsnStateCodec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Restore time, from an engine's start until every partition is restored and polling. The watches
 * topic is filled with {@code watches} PSN watches and the state topic, co-partitioned ({@link
 * WatchPartitioner}), with their states (100-title synthetic states through the real codec, in
 * transactions of 1,000, as an engine leaves them), both with the engine's default {@code
 * watches.partitions}. Then:
 *
 * <ol>
 *   <li>{@code restore-store:} a new {@link KafkaStateStore} reads the state topic to its end
 *       ({@code create}, then {@code reload}), the store's share of a start;
 *   <li>{@code restore:} the real {@link Engine} starts against the simulator (one PSN credential,
 *       its budget and the simulator's rate limit lifted so that PSN's pace does not hide the
 *       engine's), and the figure is the time from {@link Engine#start} until its restore timer
 *       says every assigned partition is restored (the {@code /health} ownership document then
 *       shows them {@code POLLING}) and the simulator answered its first request for a watch;
 *   <li>{@code restore-last-partition:} the time until the simulator answered the first request for
 *       a watch of each partition, the last partition's first poll, when it comes within {@link
 *       #GIVE_UP}; otherwise the polls seen by then, their rate, and where the last partition's
 *       first watch stands in the order the watches topic is read (the order of the engine's
 *       catch-up), projected at that rate and at PSN's default budget.
 * </ol>
 */
final class RestoreFigure {

  private static final String PREFIX = "perf.engine.";
  private static final int TRANSACTION = 1000;
  private static final Duration GIVE_UP =
      Duration.parse(System.getProperty("perf.restore.give-up", "PT90S"));

  /**
   * Requests a second for the credential and the simulator: the budget is lifted so that the figure
   * measures the engine (its restore, its start and its {@code poll.concurrency}), not PSN's
   * default 300 requests per 15 minutes.
   */
  private static final int LIFTED_BUDGET = 1_000_000;

  private RestoreFigure() {}

  /** The engine's default {@code watches.partitions}: the partitions of both topics. */
  static int partitions() {
    return Integer.parseInt(PitwallSettings.WATCHES_PARTITIONS.defaultValue());
  }

  /** The key of a watch, {@code psn:<accountId>}, with the simulator's generated account ids. */
  static String key(int account) {
    return "psn:" + PsnWorldGenerator.accountId(account);
  }

  /**
   * Writes the watches and states, then prints the {@code restore-store:} and {@code restore:}
   * lines.
   *
   * @param filled a store holding the states by {@link MemoryFigure#key}, or null to encode them
   */
  static void run(String bootstrap, String registryUrl, KafkaStateStore filled, int watches)
      throws Exception {
    int partitions = partitions();
    String watchTopic = PREFIX + "watches";
    String stateTopic = PREFIX + "state";
    PerfTopics.create(bootstrap, List.of(), List.of(watchTopic, stateTopic), partitions);
    IntFunction<byte[]> state =
        filled != null
            ? a -> filled.get(MemoryFigure.key(a))
            : a -> PsnStateCodec.encode(SyntheticPsn.state(a, Perf.TITLES));
    write(bootstrap, watchTopic, stateTopic, partitions, watches, state);
    storeOnly(bootstrap, stateTopic, partitions, watches);
    List<Integer> order = readerOrder(bootstrap, watchTopic, watches);
    engineStart(bootstrap, registryUrl, partitions, watches, order);
  }

  /** The watch records (origin topic, as {@code pitwall watch add} writes them) and states. */
  private static void write(
      String bootstrap,
      String watchTopic,
      String stateTopic,
      int partitions,
      int watches,
      IntFunction<byte[]> state) {
    Map<String, Object> producer = new HashMap<>();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int a = 0; a < watches; a++) {
        String key = key(a);
        WatchDefinition watch =
            new WatchDefinition(
                new WatchKey("psn", PsnWorldGenerator.accountId(a)), null, WatchOptions.NONE);
        p.send(
            new ProducerRecord<>(
                watchTopic,
                WatchPartitioner.partition(key, partitions),
                bytes(key),
                WatchJson.of(watch, WatchJson.TOPIC)));
      }
      p.flush();
    }
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "perf-engine-restore-writer");
    try (KafkaProducer<byte[], byte[]> p =
        new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
      p.initTransactions();
      for (int from = 0; from < watches; from += TRANSACTION) {
        p.beginTransaction();
        for (int a = from; a < Math.min(watches, from + TRANSACTION); a++) {
          String key = key(a);
          p.send(
              new ProducerRecord<>(
                  stateTopic,
                  WatchPartitioner.ofStateKey(key, partitions),
                  bytes(key),
                  state.apply(a)));
        }
        p.commitTransaction();
      }
    }
  }

  /** A new store reads the state topic to its end, as the engine's start does. */
  private static void storeOnly(String bootstrap, String stateTopic, int partitions, int watches) {
    Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long start = System.nanoTime();
    KafkaStateStore restored = KafkaStateStore.create(consumer, stateTopic, GIVE_UP);
    restored.reload(Set.of());
    double seconds = (System.nanoTime() - start) / 1e9;
    if (restored.size() != watches) {
      throw new IllegalStateException(
          "restored " + restored.size() + " states of the " + watches + " written");
    }
    System.out.printf(
        Locale.ROOT,
        "restore-store: watches=%d seconds=%.1f (a KafkaStateStore alone reads the state topic to"
            + " its end, %d partitions) %s%n",
        watches,
        seconds,
        partitions,
        Load.now());
  }

  /**
   * The partition of each watch in the order a consumer with the watches reader's fetch settings
   * (the client's defaults, read_committed, from the beginning) delivers the topic: the engine
   * upserts its watches in this order, and its catch-up after a start polls never-polled watches
   * oldest first, so this is the order of its first polls.
   */
  private static List<Integer> readerOrder(String bootstrap, String watchTopic, int watches) {
    List<Integer> order = new ArrayList<>(watches);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      TopicSnapshot.assignFromBeginning(consumer, watchTopic);
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (order.size() < watches && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> order.add(r.partition()));
      }
    }
    return order;
  }

  /** Starts the engine and waits for every partition's first poll, or {@link #GIVE_UP}. */
  private static void engineStart(
      String bootstrap, String registryUrl, int partitions, int watches, List<Integer> order)
      throws Exception {
    PsnWorld world = new PsnWorld();
    for (int a = 0; a < watches; a++) {
      world.addAccount(
          PsnWorldGenerator.accountId(a), "player" + a, PsnWorldGenerator.npsso(a), "en");
    }
    try (Simulator simulator =
        Simulator.start(
            world,
            PsnSimulatorConfig.defaults().withRateLimit(LIFTED_BUDGET, Duration.ofSeconds(1)),
            new SimClock(Clock.systemUTC()))) {
      Map<String, String> config = new HashMap<>();
      config.put("kafka.bootstrap.servers", bootstrap);
      config.put("schema.registry.url", registryUrl);
      config.put("topic.prefix", PREFIX);
      config.put("instance.id", "perf-engine");
      config.put("psn.base.url", simulator.psnBaseUrl());
      config.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
      config.put("psn.npsso", PsnWorldGenerator.npsso(0));
      config.put("psn.budget.requests", Integer.toString(LIFTED_BUDGET));
      config.put("psn.budget.period", "PT1S");
      config.put("metrics.port", "0");
      System.gc();
      Instant startedAt = Instant.now();
      long start = System.nanoTime();
      FirstPolls polls = new FirstPolls(partitions, startedAt);
      try (Engine engine = Engine.start(PitwallConfig.of(config))) {
        double started = seconds(start);
        RequestLog log = simulator.requestLog();
        int seen = 0;
        double restored = -1;
        while (!polls.complete() && System.nanoTime() - start < GIVE_UP.toNanos()) {
          if (restored < 0 && restores(engine) > 0) {
            restored = seconds(start);
          }
          List<RequestLog.Entry> entries = log.entries();
          for (RequestLog.Entry e : entries.subList(seen, entries.size())) {
            if (e.upstream().equals("psn")) {
              polls.request(e.path(), e.at());
            }
          }
          seen = entries.size();
          Thread.sleep(10);
        }
        double window = seconds(start);
        if (restored < 0 || polls.polled() == 0) {
          throw new IllegalStateException(
              "after " + GIVE_UP + " the engine had not restored its partitions and polled");
        }
        double firstPoll = polls.firstPoll().toMillis() / 1000.0;
        System.out.printf(
            Locale.ROOT,
            "restore: watches=%d seconds=%.1f (engine start until every partition was restored"
                + " and polling began: Engine.start returned after %.1f s, %d partitions restored"
                + " after %.1f s, first poll at the simulator at %.1f s; %s; target <= 30) %s%n",
            watches,
            Math.max(restored, firstPoll),
            started,
            partitions,
            restored,
            firstPoll,
            restoreState(engine.health()),
            Load.now());
        double rate = polls.watchesPolled() / Math.max(1e-3, window - firstPoll);
        Map<Integer, Integer> ranks = FirstPolls.firstRanks(order);
        int lastRank = ranks.values().stream().max(Integer::compare).orElseThrow();
        if (polls.complete()) {
          System.out.printf(
              Locale.ROOT,
              "restore-last-partition: watches=%d seconds=%.1f (engine start to the last"
                  + " partition's first poll, %d watches polled; in the reader's order its first"
                  + " watch came after %d others; target <= 30) %s%n",
              watches,
              polls.lastPartition().toMillis() / 1000.0,
              polls.watchesPolled(),
              lastRank,
              Load.now());
        } else {
          System.out.printf(
              Locale.ROOT,
              "restore-last-partition: watches=%d seconds=>%.0f projected=%.0f (not reached:"
                  + " after %.0f s %d of %d partitions had their first poll, %d watches polled at"
                  + " %.1f polls/s with the budget lifted; the catch-up polls never-polled watches"
                  + " in the order the watches topic was read, and there the last partition's first"
                  + " watch comes after %d others: %.0f s at this rate, %.1f h at PSN's default 300"
                  + " per 15 min; target <= 30) %s%n",
              watches,
              window,
              firstPoll + lastRank / rate,
              window,
              polls.polled(),
              partitions,
              polls.watchesPolled(),
              rate,
              lastRank,
              firstPoll + lastRank / rate,
              (lastRank / (300 / 900.0)) / 3600,
              Load.now());
        }
        System.out.println("  restore: first ranks by partition in the reader's order " + ranks);
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** How many restores of assigned partitions the engine finished (its restore timer's count). */
  private static long restores(Engine engine) {
    var timer = engine.metrics().registry().find("pitwall_partition_restore").timer();
    return timer == null ? 0 : timer.count();
  }

  /** The ownership document's restore states, e.g. {@code 12 partitions POLLING, restore 4.1 s}. */
  static String restoreState(JsonObject health) {
    JsonObject owned = health.getJsonObject("ownership").getJsonObject("partitions");
    Map<String, Integer> states = new java.util.TreeMap<>();
    double restore = 0;
    for (String p : owned.fieldNames()) {
      JsonObject partition = owned.getJsonObject(p);
      states.merge(partition.getString("state"), 1, Integer::sum);
      restore = Math.max(restore, partition.getDouble("restoreSeconds", 0.0));
    }
    StringBuilder text = new StringBuilder("/health ownership:");
    states.forEach((state, n) -> text.append(' ').append(n).append(' ').append(state));
    return text.append(String.format(Locale.ROOT, ", restore %.1f s", restore)).toString();
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
