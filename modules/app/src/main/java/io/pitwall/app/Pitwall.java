package io.pitwall.app;

import io.pitwall.app.cli.ConfigCommand;
import io.pitwall.app.cli.DemoCommand;
import io.pitwall.app.cli.RunCommand;
import io.pitwall.app.cli.StatusCommand;
import io.pitwall.app.cli.TailCommand;
import io.pitwall.app.cli.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pitwall} command. */
@Command(
    name = "pitwall",
    mixinStandardHelpOptions = true,
    version = "pitwall 0.1.0",
    description =
        "Detects PSN trophy and Gran Turismo changes and publishes them as Avro events on Kafka.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      TailCommand.class,
      WatchCommand.class,
      ConfigCommand.class,
      StatusCommand.class
    })
public final class Pitwall implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Pitwall()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: use demo, run, tail, watch, config or status");
  }
}
