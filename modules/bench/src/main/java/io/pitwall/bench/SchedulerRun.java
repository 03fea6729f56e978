package io.pitwall.bench;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.events.TrophyEarned;
import io.pitwall.events.wire.AvroWireCodec;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.kafka.TopicSnapshot;
import io.pitwall.simulator.RequestLog;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.BurstyPsnActivity;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One scheduler under test: its own copy of the world (same seed, same activity), its own
 * simulator, the real engine in that scheduling mode, and a {@code read_committed} consumer that
 * notes when each TrophyEarned reaches Kafka, on the shared compressed clock. It also notes how far
 * the engine falls behind that clock: when each scheduling round starts, how long each event takes
 * from its poll and from its send to the consumer, and (through the engine's metrics) how long its
 * requests to the simulator take.
 */
final class SchedulerRun implements AutoCloseable {

  /** What one run is configured with. */
  record Settings(
      String mode,
      int accounts,
      int budgetRequests,
      Duration budgetPeriod,
      Duration minInterval,
      Duration maxInterval,
      double prior,
      Duration tick,
      String bootstrapServers,
      String registryUrl) {}

  final String mode;
  final PsnWorld world;
  private final Simulator simulator;
  private final Engine engine;
  private final BurstyPsnActivity.Applier applier;
  private final ScaledClock clock;
  private final RoundLog rounds;
  private final LagLog broker = new LagLog();
  private final LagLog pollToRead = new LagLog();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final Map<String, Instant> detected = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();

  SchedulerRun(
      Settings s, PsnWorld world, BurstyPsnActivity activity, Instant now, ScaledClock clock) {
    this.mode = s.mode();
    this.world = world;
    this.clock = clock;
    this.rounds = new RoundLog(s.tick(), clock.factor());
    this.applier = activity.applier(world);
    applier.applyUntil(now);
    this.simulator =
        Simulator.start(
            world,
            PsnSimulatorConfig.defaults().withRateLimit(s.budgetRequests(), s.budgetPeriod()),
            new SimClock(clock));
    String prefix = "bench-" + s.mode() + "-" + UUID.randomUUID().toString().substring(0, 6) + ".";
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", s.bootstrapServers());
    config.put("schema.registry.url", s.registryUrl());
    config.put("topic.prefix", prefix);
    config.put("psn.base.url", simulator.psnBaseUrl());
    config.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
    config.put("psn.npsso", PsnWorldGenerator.npsso(0));
    config.put("psn.budget.requests", Integer.toString(s.budgetRequests()));
    config.put("psn.budget.period", s.budgetPeriod().toString());
    config.put("poll.interval", s.minInterval().toString());
    config.put("poll.max.interval", s.maxInterval().toString());
    config.put("schedule.mode", s.mode());
    config.put("schedule.prior.changes", Double.toString(s.prior()));
    config.put("poll.concurrency", "16");
    config.put("metrics.port", "0");
    for (int i = 0; i < s.accounts(); i++) {
      config.put("watch." + (i + 1), "psn:" + PsnWorldGenerator.accountId(i));
    }
    this.engine =
        Engine.start(
            PitwallConfig.of(config),
            clock,
            s.tick(),
            round -> rounds.started(round, System.nanoTime(), clock.instant()));
    String topic = io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED.topic(prefix);
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                s.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    TopicSnapshot.assignFromBeginning(consumer, topic);
    AvroWireCodec codec = new AvroWireCodec(new ConfluentRestRegistryClient(s.registryUrl()));
    this.reader = new Thread(() -> read(codec), "bench-reader-" + s.mode());
    reader.setDaemon(true);
    reader.start();
  }

  private void read(AvroWireCodec codec) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
          long readWallMillis = System.currentTimeMillis();
          Instant at = clock.instant();
          // the record's time is the engine's producer's wall clock at send
          broker.record(
              at,
              Duration.ofNanos(
                  Math.round(Math.max(0, readWallMillis - r.timestamp()) * 1e6 * clock.factor())));
          if (codec.decode(r.value()) instanceof TrophyEarned e) {
            pollToRead.record(at, Duration.between(e.getEnvelope().getDetectedAt(), at));
            String key =
                key(e.getEnvelope().getAccountId(), e.getNpCommunicationId(), e.getTrophyId());
            if (detected.putIfAbsent(key, at) != null) {
              duplicates.incrementAndGet();
            }
          }
        }
      }
    } catch (WakeupException stopping) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The identity of one earned trophy. */
  static String key(String accountId, String npCommunicationId, int trophyId) {
    return accountId + "|" + npCommunicationId + "|" + trophyId;
  }

  /** Applies the activity due by now. */
  void applyActivity(Instant now) {
    applier.applyUntil(now);
  }

  /** When each trophy's event was read from Kafka (virtual time), by {@link #key}. */
  Map<String, Instant> detected() {
    return detected;
  }

  int duplicates() {
    return duplicates.get();
  }

  /** How late the engine's scheduling rounds that started in [from, to) ran (virtual time). */
  Lag ticksLate(Instant from, Instant to) {
    return rounds.lateness(from, to);
  }

  /** From send to read of the events read in [from, to) (virtual time). */
  Lag brokerLag(Instant from, Instant to) {
    return broker.between(from, to);
  }

  /** From the detecting poll to read of the TrophyEarned events read in [from, to). */
  Lag pollToReadLag(Instant from, Instant to) {
    return pollToRead.between(from, to);
  }

  /** The PSN request latencies the engine observed so far. */
  RequestLatencies requestLatencies() {
    return RequestLatencies.of(engine.metrics().registry(), "psn");
  }

  /** The upstream requests the simulator answered, with their virtual times. */
  List<RequestLog.Entry> requests() {
    return simulator.requestLog().entries();
  }

  @Override
  public void close() {
    consumer.wakeup();
    engine.close();
    simulator.close();
  }
}
