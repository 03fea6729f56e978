package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.PitwallConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pitwall config validate FILE}: checks a configuration without running anything. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Configuration tools.",
    subcommands = {ConfigCommand.Validate.class})
public final class ConfigCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: use validate");
  }

  /** Reports every problem at once; exit 0 when valid, 2 when not. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check a configuration file (with the PITWALL_* environment) and report every problem at once.")
  static final class Validate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Properties file to check.")
    Path file;

    @Override
    public Integer call() {
      try {
        PitwallConfig config = PitwallConfig.load(file, System.getenv());
        System.out.println("Configuration is valid. Effective configuration (secrets masked):");
        System.out.print(config.describe());
        return 0;
      } catch (ConfigException e) {
        System.err.println(
            "Configuration is invalid ("
                + e.problems().size()
                + " problem"
                + (e.problems().size() == 1 ? "" : "s")
                + "):");
        e.problems().forEach(p -> System.err.println("  " + p));
        return RunCommand.CONFIG_ERROR;
      }
    }
  }
}
