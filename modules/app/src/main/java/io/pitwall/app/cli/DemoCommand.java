package io.pitwall.app.cli;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.app.demo.DemoEnvironment;
import io.pitwall.app.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pitwall demo}: starts an embedded broker, a registry, the simulator with randomly active
 * accounts and the engine, and prints each event read back from Kafka as one line. Ctrl-C stops
 * everything.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run everything embedded (Kafka, schema registry, simulator, engine) and print events as they are detected.")
public final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--accounts",
      defaultValue = "4",
      description = "Simulated PSN accounts to watch (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--seed",
      defaultValue = "2026",
      description = "Seed of the simulated world and activity (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--metrics-port",
      defaultValue = "9404",
      description = "Port of /metrics and /health (default ${DEFAULT-VALUE}; 0 = any).")
  int metricsPort;

  @Option(
      names = "--fleet-config",
      description =
          "Also write the engine's configuration to this file, for more instances to join the"
              + " demo's Kafka and upstreams with `pitwall run --config FILE` (each with its own"
              + " PITWALL_INSTANCE_ID and PITWALL_METRICS_PORT).")
  java.nio.file.Path fleetConfig;

  @Option(
      names = "--duration",
      description =
          "Stop by itself after this ISO-8601 duration (e.g. PT2M); default: until Ctrl-C.")
  Duration duration;

  @Override
  public Integer call() throws Exception {
    if (accounts < 1 || accounts > 200) {
      System.err.println(
          "Invalid value " + accounts + " for option --accounts: must be between 1 and 200");
      return 2;
    }
    int rateLimit = 1200;
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(
                  stopped); // the JVM halts when hooks return: let the main thread stop everything
              // first
            },
            "pitwall-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (DemoEnvironment env =
            DemoEnvironment.start(accounts, seed, Duration.ofSeconds(2), rateLimit);
        Engine engine = Engine.start(PitwallConfig.of(demoInstance(env, rateLimit)));
        EventTail tail =
            new EventTail(
                env.bootstrapServers(),
                env.registryUrl(),
                SourcePlugins.installed().eventTypes().stream()
                    .map(t -> t.topic("pitwall."))
                    .toList(),
                true,
                event -> System.out.println(EventLine.format(event)),
                System.err::println)) {
      System.out.printf(
          "Pitwall demo: watching %d simulated PSN accounts, 4 gtgridstats drivers and 1 GT Sport profile. Metrics: http://localhost:%d/metrics, health: http://localhost:%d/health%n",
          accounts, engine.metricsPort(), engine.metricsPort());
      System.out.printf(
          "Kafka %s, schema registry %s. Events appear below as they are detected; Ctrl-C stops.%n",
          env.bootstrapServers(), env.registryUrl());
      if (fleetConfig != null) {
        System.out.printf(
            "Fleet: this engine is instance %s. Another joins with%n"
                + "  PITWALL_INSTANCE_ID=second PITWALL_METRICS_PORT=9405 java -jar"
                + " modules/app/target/pitwall.jar run --config %s%n"
                + "and simulated accounts that nothing watches yet are %s (pitwall watch add KEY"
                + " --config %s).%n",
            DEMO_INSTANCE, fleetConfig, String.join(", ", env.unwatchedAccounts()), fleetConfig);
      }
      if (duration == null) {
        stop.await();
      } else {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
      System.out.println("Stopping: engine, Kafka, registry and simulator...");
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  /** The demo engine's instance id (not the host name, which a second instance would share). */
  static final String DEMO_INSTANCE = "demo";

  /**
   * The demo engine's settings; with {@code --fleet-config} also written to that file (owner-only:
   * it holds the simulator's credentials), without this instance's id and metrics port.
   */
  private Map<String, String> demoInstance(DemoEnvironment env, int rateLimit) throws IOException {
    Map<String, String> settings = env.engineSettings(metricsPort, rateLimit);
    if (fleetConfig != null) {
      writeFleetConfig(settings, fleetConfig);
    }
    settings.put("instance.id", DEMO_INSTANCE);
    return settings;
  }

  /**
   * Writes the settings every instance of a fleet shares (all but {@code metrics.port} and {@code
   * instance.id}) as a properties file only its owner may read.
   */
  static void writeFleetConfig(Map<String, String> settings, java.nio.file.Path file)
      throws IOException {
    Properties shared = new Properties();
    settings.forEach(shared::setProperty);
    shared.remove("metrics.port");
    shared.remove("instance.id");
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (var out = Files.newBufferedWriter(file)) {
      shared.store(out, "Pitwall demo: the configuration every instance of its fleet shares");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
