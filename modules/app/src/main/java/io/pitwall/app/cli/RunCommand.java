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
    Thread hook = new Thread(engine::close, "pitwall-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!engine.awaitStop(Duration.ofHours(1))) {
      // runs until a signal or a fatal error
    }
    LOG.error("Engine stopped after a fatal error");
    return 1;
  }
}
