package io.pitwall.app.demo;

import io.pitwall.runtime.ApicurioRegistryProcess;
import io.pitwall.runtime.KraftBroker;
import io.pitwall.simulator.SimClock;
import io.pitwall.simulator.Simulator;
import io.pitwall.simulator.gt.GtSimulatorConfig;
import io.pitwall.simulator.gt.GtWorld;
import io.pitwall.simulator.gt.RandomGtActivity;
import io.pitwall.simulator.psn.PsnSimulatorConfig;
import io.pitwall.simulator.psn.PsnWorld;
import io.pitwall.simulator.psn.activity.PsnWorldGenerator;
import io.pitwall.simulator.psn.activity.RandomPsnActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code pitwall demo} runs besides the engine: an embedded single-node KRaft broker and
 * Apicurio Registry as a child process (both from the runtime module: Kafka's server jars, no test
 * kit), and the upstream simulator with a generated world whose accounts earn trophies at random.
 * Closing stops them in reverse order (the broker's directory is removed).
 */
public final class DemoEnvironment implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

  private static final String GRIDSTATS_KEY = "demo-gridstats-key";

  /** Simulated PSN accounts the demo does not watch: {@link #unwatchedAccounts}. */
  static final int UNWATCHED = 2;

  private final List<AutoCloseable> started = new ArrayList<>();
  private KraftBroker broker;
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
      env.broker = env.track(KraftBroker.start());
      LOG.info("Started {} at {}", env.broker.description(), env.broker.bootstrapServers());
      LOG.info("Starting Apicurio Registry (child process)");
      env.registry = env.track(ApicurioRegistryProcess.start());
      // a few more accounts than are watched, for `pitwall watch add` to try
      PsnWorld world =
          PsnWorldGenerator.generate(
              seed, accounts + UNWATCHED, Math.max(20, accounts * 6), 6, Instant.now());
      GtWorld gt = gtWorld();
      env.simulator =
          env.track(
              Simulator.start(
                  world,
                  PsnSimulatorConfig.defaults().withRateLimit(rateLimit, Duration.ofMinutes(15)),
                  gt,
                  GtSimulatorConfig.defaults(GRIDSTATS_KEY).withQuota(100_000, Duration.ofDays(1)),
                  new SimClock()));
      RandomGtActivity gtActivity = new RandomGtActivity(gt, env.simulator.clock(), seed, 5);
      env.simulator.vertx().setPeriodic(activityPeriod.toMillis(), id -> gtActivity.tick());
      RandomPsnActivity activity = new RandomPsnActivity(world, env.simulator.clock(), seed, 0.3);
      env.simulator.vertx().setPeriodic(activityPeriod.toMillis(), id -> activity.tick());
      env.accounts = accounts;
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  /** Demo GT drivers near class boundaries, so that classes change within a minute or two. */
  private static GtWorld gtWorld() {
    GtWorld gt = new GtWorld();
    Instant now = Instant.now();
    String[] drivers = {"skino2024", "SparksTheory", "nightdrift", "apex_hunter"};
    long[] points = {9_900, 29_800, 3_950, 49_700};
    String[] letters = {"C", "B", "C", "A"};
    for (int i = 0; i < drivers.length; i++) {
      gt.addGridDriver(drivers[i], drivers[i], letters[i], "S", points[i], i % 2 == 0, now);
    }
    gt.addSeries("1564", "Nations Cup");
    gt.setRound("1564", "skino2024", 1, 120, true, now);
    gt.setRound("1564", "SparksTheory", 1, 95, true, now);
    gt.addProfile(
        "9568550",
        "xGranadier",
        "us",
        "8224232633225479708-0",
        "8295639381191197212-0",
        4,
        29_700,
        82);
    return gt;
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
    settings.put("gt.base.url", simulator.gtBaseUrl());
    settings.put("gridstats.base.url", simulator.gridstatsBaseUrl());
    settings.put("gridstats.api.key", GRIDSTATS_KEY);
    settings.put("gridstats.budget.requests", "100000");
    settings.put("watch." + (accounts + 1), "gridstats:skino2024 series=1564");
    settings.put("watch." + (accounts + 2), "gridstats:SparksTheory series=1564");
    settings.put("watch." + (accounts + 3), "gridstats:nightdrift");
    settings.put("watch." + (accounts + 4), "gridstats:apex_hunter");
    settings.put("watch." + (accounts + 5), "gt:9568550 label=xGranadier");
    return settings;
  }

  /** The keys of simulated PSN accounts that no watch names: ready for {@code watch add}. */
  public List<String> unwatchedAccounts() {
    List<String> keys = new ArrayList<>();
    for (int i = accounts; i < accounts + UNWATCHED; i++) {
      keys.add("psn:" + PsnWorldGenerator.accountId(i));
    }
    return keys;
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
