package io.pitwall.interop;

import static org.awaitility.Awaitility.await;

import io.pitwall.app.it.EngineProcess;
import io.pitwall.app.it.TestSettings;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.TrophyScenarios;
import io.pitwall.source.api.EventType;
import io.pitwall.testkit.TestKafka;
import io.pitwall.testkit.TestSchemaRegistry;
import io.pitwall.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Every event type, published once per test JVM by the real engine ({@code pitwall.jar run} as a
 * child process) against the simulator, the test broker and the test registry, with one transaction
 * that Pitwall itself aborts and one record no Avro reader can decode:
 *
 * <ol>
 *   <li>engine 1 watches two PSN accounts, two gtgridstats drivers (one in a series) and a GT Sport
 *       profile: every watch's first status, then trophies, DR and SR changes and a new round;
 *   <li>engine 2 watches PSN account A only, with {@code fault.pause.before.commit}: its first
 *       transaction (A's new trophies and state) is sent and flushed, then the process is killed
 *       with SIGKILL while the transaction is open;
 *   <li>a record of random bytes lands in the trophy topic (a producer's mistake, not Pitwall's);
 *   <li>engine 3, on the same transactional id but without account A, aborts the open transaction
 *       when it initialises (Kafka's fencing), and publishes more trophies of account B and GT
 *       changes, so that committed records follow the aborted ones in the same partitions.
 * </ol>
 *
 * A reader that honours {@code read_committed} sees exactly {@link #committed()}; the aborted
 * events ({@link #aborted()}) are in the log and visible to a {@code read_uncommitted} reader.
 */
final class PublishedEvents {

  /** The second PSN account: watched by engines 1 and 3. */
  static final String ACCOUNT_B = "5000000000000000002";

  private static final String GRIDSTATS_KEY = "interop-gridstats-key";
  private static final String PROFILE = "9568550";
  private static final Object LOCK = new Object();
  private static PublishedEvents published;

  private final String prefix;
  private final Map<EventType, List<SpecificRecord>> committed;
  private final List<SpecificRecord> aborted;
  private final int undecodable;

  private PublishedEvents(
      String prefix,
      Map<EventType, List<SpecificRecord>> committed,
      List<SpecificRecord> aborted,
      int undecodable) {
    this.prefix = prefix;
    this.committed = committed;
    this.aborted = aborted;
    this.undecodable = undecodable;
  }

  /** Publishes the scenario on first use and returns what it left in the topics. */
  static PublishedEvents get() throws Exception {
    synchronized (LOCK) {
      if (published == null) {
        published = publish();
      }
      return published;
    }
  }

  /** The topic prefix of the scenario's engine. */
  String prefix() {
    return prefix;
  }

  /** The topic of an event type. */
  String topic(EventType type) {
    return type.topic(prefix);
  }

  /** Every event topic, in {@link EventType} order. */
  List<String> topics() {
    return io.pitwall.app.config.SourcePlugins.installed().eventTypes().stream()
        .map(this::topic)
        .toList();
  }

  /** The committed events of a type, in topic order, decoded. */
  List<SpecificRecord> committed(EventType type) {
    return committed.get(type);
  }

  /** Every committed event. */
  List<SpecificRecord> committed() {
    return committed.values().stream().flatMap(List::stream).toList();
  }

  /** The events of the aborted transaction (in the log, never committed). */
  List<SpecificRecord> aborted() {
    return aborted;
  }

  /** How many records in the event topics are not Pitwall events at all. */
  int undecodable() {
    return undecodable;
  }

  private static PublishedEvents publish() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String prefix = "interop-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    Path work = Files.createDirectories(Paths.get("target", "interop-engine", prefix));
    PsnWorld psn = TrophyScenarios.world(start);
    psn.addAccount(ACCOUNT_B, "second", "interop-npsso-b", "en");
    psn.earn(ACCOUNT_B, TrophyScenarios.PS4, 1, start.minus(Duration.ofDays(5)));
    GtWorld gt = new GtWorld();
    gt.addGridDriver("driver00", "D0", "B", "S", 15_000, true, start);
    gt.addGridDriver("driver01", "D1", "B", "S", 15_000, true, start);
    gt.addSeries("1564", "Nations Cup");
    gt.setRound("1564", "driver00", 1, 100, true, start);
    gt.addProfile(
        PROFILE,
        "xGranadier",
        "us",
        "8224232633225479708-0",
        "8295639381191197212-0",
        4,
        23_630,
        99);
    GtSimulatorConfig gtConfig = GtSimulatorConfig.defaults(GRIDSTATS_KEY);
    try (Simulator simulator =
        Simulator.start(psn, PsnSimulatorConfig.defaults(), gt, gtConfig, new SimClock())) {
      Map<String, String> all = settings(simulator, prefix);

      // 1. every watch polled once (its first status), then changes everywhere
      try (EngineProcess first = EngineProcess.start(all, work, "engine-1")) {
        awaitCommitted(prefix, io.pitwall.events.EventCatalogue.WATCH_STATUS_CHANGED, 5, first);
        int gtMark = gt.groundTruth().size();
        TrophyScenarios.roundOne()
            .applyUntil(psn, start.plusSeconds(60), start.plusSeconds(120), s -> {});
        psn.earn(ACCOUNT_B, TrophyScenarios.PS4, 2, start.plusSeconds(70));
        Instant now = Instant.now();
        gt.setGridRatings("driver00", "A", 30_500, "S", now);
        gt.setGridRatings("driver01", "B", 15_100, "A", now);
        gt.setRound("1564", "driver00", 2, 90, true, now);
        gt.setProfileRatings(PROFILE, 5, 30_100, 99, "B", "A", "S", "S", now);
        int gtFacts = gt.groundTruth().size() - gtMark;
        awaitCommitted(
            prefix,
            io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED,
            TrophyScenarios.roundOne().steps().size() + 1,
            first);
        awaitCommittedGt(prefix, gtFacts, first);
        first.kill();
      }

      // 2. account A's next trophies in a transaction that stays open: SIGKILL mid-transaction
      TrophyScenarios.roundTwo()
          .applyUntil(psn, start.plusSeconds(200), start.plusSeconds(300), s -> {});
      Map<String, String> onlyA = new HashMap<>(all);
      // the others disabled, not removed: the configuration owns its watches, and a watch.N
      // removed from it is tombstoned with its state at the next start; a disabled one keeps it
      onlyA.replaceAll(
          (k, v) -> k.startsWith("watch.") && !k.equals("watch.1") ? v + " enabled=false" : v);
      onlyA.put("fault.pause.before.commit", "PT60S");
      try (EngineProcess second = EngineProcess.start(onlyA, work, "engine-2")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> second.output().contains("Fault injection: pausing"));
        second.kill();
      }

      // 3. a record that is not a Pitwall event at all
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
              new StringSerializer(),
              new ByteArraySerializer())) {
        producer
            .send(
                new ProducerRecord<>(
                    io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED.topic(prefix),
                    "psn:garbage",
                    "not an Avro record".getBytes(StandardCharsets.UTF_8)))
            .get();
      }

      // 4. the successor aborts the open transaction, then publishes B's and GT's next changes
      Map<String, String> withoutA = new HashMap<>(all);
      withoutA.remove("watch.1");
      try (EngineProcess third = EngineProcess.start(withoutA, work, "engine-3")) {
        int trophies = committed(prefix, io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED).size();
        int gtEvents = committedGt(prefix);
        int gtMark = gt.groundTruth().size();
        psn.earn(ACCOUNT_B, TrophyScenarios.PS4, 3, start.plusSeconds(400));
        psn.earn(ACCOUNT_B, TrophyScenarios.PS4, 5, start.plusSeconds(401));
        Instant now = Instant.now();
        gt.setGridRatings("driver00", "B", 29_000, "S", now);
        gt.setRound("1564", "driver00", 1, 98, false, now);
        int gtFacts = gt.groundTruth().size() - gtMark;
        awaitCommitted(prefix, io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED, trophies + 2, third);
        awaitCommittedGt(prefix, gtEvents + gtFacts, third);
        third.kill();
      }
    }

    Map<EventType, List<SpecificRecord>> committed = new LinkedHashMap<>();
    Set<String> committedIds = new HashSet<>();
    for (EventType type : io.pitwall.app.config.SourcePlugins.installed().eventTypes()) {
      List<SpecificRecord> events = committed(prefix, type);
      committed.put(type, events);
      events.forEach(e -> committedIds.add(EventFields.eventId(e)));
    }
    List<SpecificRecord> aborted = new ArrayList<>();
    int undecodable = 0;
    for (EventType type : io.pitwall.app.config.SourcePlugins.installed().eventTypes()) {
      for (ConsumerRecord<String, byte[]> record : readUncommitted(type.topic(prefix))) {
        SpecificRecord event = decodeOrNull(record.value());
        if (event == null) {
          undecodable++;
        } else if (!committedIds.contains(EventFields.eventId(event))) {
          aborted.add(event);
        }
      }
    }
    return new PublishedEvents(prefix, committed, aborted, undecodable);
  }

  private static Map<String, String> settings(Simulator simulator, String prefix) {
    Map<String, String> settings = TestSettings.scenario(simulator, prefix);
    settings.put("watch.1", "psn:" + TrophyScenarios.ACCOUNT + " label=Scenario");
    settings.put("watch.2", "psn:" + ACCOUNT_B);
    settings.put("watch.3", "gridstats:driver00 series=1564");
    settings.put("watch.4", "gridstats:driver01");
    settings.put("watch.5", "gt:" + PROFILE + " label=profile");
    settings.put("gt.base.url", simulator.gtBaseUrl());
    settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
    settings.put("gridstats.api.key", GRIDSTATS_KEY);
    return settings;
  }

  private static void awaitCommitted(
      String prefix, EventType type, int count, EngineProcess engine) {
    await()
        .atMost(Duration.ofSeconds(90))
        .failFast("the engine died:\n" + tail(engine), () -> !engine.alive())
        .until(() -> committed(prefix, type).size() >= count);
  }

  private static void awaitCommittedGt(String prefix, int count, EngineProcess engine) {
    await()
        .atMost(Duration.ofSeconds(90))
        .failFast("the engine died:\n" + tail(engine), () -> !engine.alive())
        .until(() -> committedGt(prefix) >= count);
  }

  private static String tail(EngineProcess engine) {
    String output = engine.output();
    return output.substring(Math.max(0, output.length() - 4000));
  }

  private static int committedGt(String prefix) {
    return committed(prefix, io.pitwall.gt.GtEventTypes.DR_CLASS_CHANGED).size()
        + committed(prefix, io.pitwall.gt.GtEventTypes.SAFETY_RATING_CHANGED).size()
        + committed(prefix, io.pitwall.gt.GtEventTypes.SERIES_ROUND_SCORED).size();
  }

  /** The committed, decodable events of a type. */
  private static List<SpecificRecord> committed(String prefix, EventType type) {
    List<SpecificRecord> events = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : TestTopics.readCommitted(type.topic(prefix))) {
      SpecificRecord event = decodeOrNull(record.value());
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }

  private static SpecificRecord decodeOrNull(byte[] value) {
    try {
      return Codec.INSTANCE.decode(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The decoder, made on first use (not under the scenario's lock: awaits decode on their thread).
   */
  private static final class Codec {
    static final AvroWireCodec INSTANCE =
        new AvroWireCodec(new ConfluentRestRegistryClient(TestSchemaRegistry.url()));
  }

  /** Every record of a topic, aborted transactions included. */
  static List<ConsumerRecord<String, byte[]>> readUncommitted(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
