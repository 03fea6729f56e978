package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.engine.Engine;
import io.pitwall.app.engine.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pitwall run --config FILE}: runs the engine until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the engine with a configuration file and PITWALL_* environment variables (which win).")
public final class RunCommand implements Callable<Integer> {

  /** Exit code for invalid configuration. */
  public static final int CONFIG_ERROR = 2;

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (see the README's configuration reference).")
  Path config;

  @Override
  public Integer call() throws Exception {
    PitwallConfig loaded;
    try {
      loaded = PitwallConfig.load(config, System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration is invalid:");
      e.problems().forEach(p -> System.err.println("  " + p));
      return CONFIG_ERROR;
    }
    LOG.info("Effective configuration:{}{}", System.lineSeparator(), loaded.describe());
    Engine engine;
    try {
      engine = Engine.start(loaded);
    } catch (StartupException e) {
      System.err.println("pitwall: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(() -> stopOnSignal(engine), "pitwall-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!engine.awaitStop(Duration.ofHours(1))) {
      // runs until a signal or a fatal error
    }
    LOG.error("Engine stopped after a fatal error");
    // exit 1, not through the signal path (which exits 0)
    Runtime.getRuntime().removeShutdownHook(hook);
    engine.close();
    return 1;
  }

  /**
   * SIGTERM (or SIGINT): stop taking tokens, let the polls in flight finish and commit, leave the
   * consumer group, then exit with code 0 (a stop the operator asked for is not a failure; the JVM
   * would otherwise exit 143 after a signal).
   */
  private static void stopOnSignal(Engine engine) {
    Duration grace = engine.gracePeriod();
    LOG.info("Stop requested: finishing polls in flight (at most {}), then leaving", grace);
    try {
      engine.stopGracefully(grace);
      LOG.info("Stopped cleanly");
    } catch (RuntimeException e) {
      LOG.error("Stopping failed: {}", e.toString());
    } finally {
      if (org.slf4j.LoggerFactory.getILoggerFactory()
          instanceof ch.qos.logback.classic.LoggerContext context) {
        context.stop();
      }
      Runtime.getRuntime().halt(0);
    }
  }
}
