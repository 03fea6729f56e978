package io.pitwall.app.cli;

import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.SourcePlugins;
import io.pitwall.app.demo.DemoEnvironment;
import io.pitwall.app.engine.Engine;
import java.time.Duration;
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
        Engine engine = Engine.start(PitwallConfig.of(env.engineSettings(metricsPort, rateLimit)));
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

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
