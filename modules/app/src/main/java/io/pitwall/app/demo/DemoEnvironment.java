package io.pitwall.app.demo;

import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import io.pitwall.simulator.psn.activity.RandomPsnActivity;
import io.pitwall.testkit.ApicurioRegistryProcess;
import io.pitwall.testkit.EmbeddedKraftBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code pitwall demo} runs besides the engine: an embedded KRaft broker, Apicurio
 * Registry as a child process, and the upstream simulator with a generated world whose accounts
 * earn trophies at random. Closing stops them in reverse order.
 */
public final class DemoEnvironment implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

  private final List<AutoCloseable> started = new ArrayList<>();
  private EmbeddedKraftBroker broker;
  private ApicurioRegistryProcess registry;
  private Simulator simulator;
  private int accounts;

  /**
   * Starts the environment.
   *
   * @param accounts how many PSN accounts to simulate (and watch)
   * @param seed the random seed of the world and its activity
   * @param activityPeriod how often the activity ticks
   * @param rateLimit the simulator's PSN limit per 15 minutes (the engine's budget matches it)
   */
  public static DemoEnvironment start(
      int accounts, long seed, Duration activityPeriod, int rateLimit) {
    DemoEnvironment env = new DemoEnvironment();
    try {
      LOG.info("Starting an embedded Kafka broker (KRaft, single node)");
      env.broker = env.track(EmbeddedKraftBroker.start());
      LOG.info("Starting Apicurio Registry (child process)");
      env.registry = env.track(ApicurioRegistryProcess.start());
      PsnWorld world =
          PsnWorldGenerator.generate(seed, accounts, Math.max(20, accounts * 6), 6, Instant.now());
      env.simulator =
          env.track(
              Simulator.start(
                  world,
                  PsnSimulatorConfig.defaults().withRateLimit(rateLimit, Duration.ofMinutes(15)),
                  new SimClock()));
      RandomPsnActivity activity = new RandomPsnActivity(world, env.simulator.clock(), seed, 0.3);
      env.simulator.vertx().setPeriodic(activityPeriod.toMillis(), id -> activity.tick());
      env.accounts = accounts;
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.add(resource);
    return resource;
  }

  /** Engine settings that point at this environment and watch every simulated account. */
  public Map<String, String> engineSettings(int metricsPort, int rateLimit) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", registry.confluentApiUrl());
    settings.put("psn.base.url", simulator.psnBaseUrl());
    settings.put("psn.auth.base.url", simulator.psnAuthBaseUrl());
    settings.put("psn.npsso", PsnWorldGenerator.npsso(0));
    settings.put("psn.budget.requests", Integer.toString(rateLimit));
    settings.put("psn.budget.period", "PT15M");
    settings.put("poll.interval", "PT5S");
    settings.put("metrics.port", Integer.toString(metricsPort));
    for (int i = 0; i < accounts; i++) {
      settings.put(
          "watch." + (i + 1), "psn:" + PsnWorldGenerator.accountId(i) + " label=player" + i);
    }
    return settings;
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.confluentApiUrl();
  }

  public Simulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("Could not stop {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    started.clear();
  }
}
