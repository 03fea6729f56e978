package io.pitwall.chaos;

import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.RandomGtActivity;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.activity.RandomPsnActivity;
import io.pitwall.testkit.KafkaBrokerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a chaos run runs: a Kafka broker process with durable data, a durable registry
 * process, the simulator (in this JVM, a real HTTP server) with random activity, and the engine
 * instances under their supervisors (one or more, sharing the watches through the consumer group,
 * each with its own {@code instance.id}). Closing stops them in reverse order.
 */
final class ChaosEnvironment implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChaosEnvironment.class);

  /** Topic prefix of the run. */
  static final String PREFIX = "chaos.";

  final ChaosWorld world;
  final KafkaBrokerProcess broker;
  final Simulator simulator;
  final List<EngineSupervisor> engines;
  private volatile ApicurioRegistryProcess registry;
  private long psnTimer = -1;
  private long gtTimer = -1;

  private ChaosEnvironment(
      ChaosWorld world,
      KafkaBrokerProcess broker,
      ApicurioRegistryProcess registry,
      Simulator simulator,
      List<EngineSupervisor> engines) {
    this.world = world;
    this.broker = broker;
    this.registry = registry;
    this.simulator = simulator;
    this.engines = List.copyOf(engines);
  }

  /** Starts the broker, the registry and the simulator; the engine is set up but not started. */
  static ChaosEnvironment start(ChaosOptions options, Path jar, Path work) {
    ChaosWorld world =
        ChaosWorld.generate(
            options.seed(), options.psnWatches(), options.gridWatches(), options.gtWatches());
    LOG.info("Starting a Kafka broker process (data in {})", work.resolve("broker"));
    KafkaBrokerProcess broker = KafkaBrokerProcess.builder(work.resolve("broker")).start();
    ApicurioRegistryProcess registry = null;
    Simulator simulator = null;
    try {
      LOG.info("Starting a durable registry process (storage in {})", work.resolve("registry"));
      registry = ApicurioRegistryProcess.startDurable(work.resolve("registry"));
      simulator =
          Simulator.start(
              world.psn,
              PsnSimulatorConfig.defaults().withRateLimit(1_000_000, Duration.ofMinutes(15)),
              world.gt,
              GtSimulatorConfig.defaults(ChaosWorld.GRIDSTATS_KEY)
                  .withQuota(100_000_000, Duration.ofDays(1))
                  .withStagger(Duration.ofMillis(50)),
              new SimClock());
      Map<String, String> settings = settings(options, world, broker, registry, simulator);
      List<EngineSupervisor> engines = new java.util.ArrayList<>();
      for (int i = 0; i < options.instances(); i++) {
        Map<String, String> own = new LinkedHashMap<>(settings);
        own.put("instance.id", "chaos-" + i);
        Path dir = options.instances() == 1 ? work : work.resolve("instance-" + i);
        java.nio.file.Files.createDirectories(dir);
        engines.add(new EngineSupervisor(jar, dir, own));
      }
      return new ChaosEnvironment(world, broker, registry, simulator, engines);
    } catch (java.io.IOException e) {
      simulator.close();
      registry.close();
      broker.close();
      throw new java.io.UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (simulator != null) {
        simulator.close();
      }
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  private static Map<String, String> settings(
      ChaosOptions options,
      ChaosWorld world,
      KafkaBrokerProcess broker,
      ApicurioRegistryProcess registry,
      Simulator simulator) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", registry.confluentApiUrl());
    settings.put("topic.prefix", PREFIX);
    settings.put("startup.timeout", "PT120S");
    settings.put("psn.base.url", simulator.psnBaseUrl());
    settings.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
    settings.put("psn.npsso", ChaosWorld.defaultNpsso());
    settings.put("psn.npsso.alt", ChaosWorld.altNpsso());
    settings.put("psn.budget.requests", "1000000");
    settings.put("psn.budget.period", "PT15M");
    settings.put("gt.base.url", simulator.gtBaseUrl());
    settings.put("gt.budget.requests", "100000");
    settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
    settings.put("gridstats.api.key", ChaosWorld.GRIDSTATS_KEY);
    settings.put("gridstats.budget.requests", "1000000");
    settings.put("gridstats.request.timeout", "PT15S");
    settings.put("poll.interval", options.pollInterval().toString());
    settings.put("poll.max.interval", "PT30S");
    settings.put("poll.concurrency", "16");
    settings.put("metrics.port", "0");
    if (options.unsafe()) {
      settings.put("fault.unsafe.split.transactions", "true");
    }
    for (int i = 0; i < world.watches.size(); i++) {
      settings.put("watch." + (i + 1), world.watches.get(i));
    }
    return settings;
  }

  /** The first instance (the only one unless the run has several). */
  EngineSupervisor engine() {
    return engines.get(0);
  }

  /** Starts every instance. */
  void startEngines() {
    engines.forEach(e -> e.start(Map.of()));
  }

  /** Every instance's output so far, one after the other. */
  String outputs() {
    StringBuilder all = new StringBuilder();
    engines.forEach(e -> all.append(e.output()).append('\n'));
    return all.toString();
  }

  /** The event topics the run checks. */
  static List<String> eventTopics() {
    return List.of(
        io.pitwall.source.psn.PsnPlugin.TROPHY_EARNED.topic(PREFIX),
        io.pitwall.gt.GtEventTypes.DR_CLASS_CHANGED.topic(PREFIX),
        io.pitwall.gt.GtEventTypes.SAFETY_RATING_CHANGED.topic(PREFIX),
        io.pitwall.gt.GtEventTypes.SERIES_ROUND_SCORED.topic(PREFIX));
  }

  ApicurioRegistryProcess registry() {
    return registry;
  }

  /** Restarts the registry on its durable storage (same port, same ids). */
  void restartRegistry() {
    registry = registry.restart();
  }

  /** Starts the random activity of PSN accounts and GT drivers. */
  void startActivity(long seed) {
    RandomPsnActivity psn = new RandomPsnActivity(world.psn, simulator.clock(), seed, 0.012);
    RandomGtActivity gt = new RandomGtActivity(world.gt, simulator.clock(), seed, 10);
    psnTimer = simulator.vertx().setPeriodic(1_000, id -> psn.tick());
    gtTimer = simulator.vertx().setPeriodic(3_000, id -> gt.tick());
  }

  /** Stops the activity: the ground truth changes no more. */
  void stopActivity() {
    simulator.vertx().cancelTimer(psnTimer);
    simulator.vertx().cancelTimer(gtTimer);
  }

  @Override
  public void close() {
    engines.forEach(EngineSupervisor::close);
    try {
      simulator.close();
    } catch (RuntimeException e) {
      LOG.warn("Could not stop the simulator: {}", e.toString());
    }
    registry.close();
    broker.close();
  }
}
