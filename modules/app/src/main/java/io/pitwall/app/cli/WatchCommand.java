package io.pitwall.app.cli;

import picocli.CommandLine.Command;

/** {@code pitwall watch add|remove|list}: manage watches through the watches topic. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Add, remove and list watches (the watches topic).",
    subcommands = {WatchAddCommand.class, WatchRemoveCommand.class, WatchListCommand.class})
public final class WatchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: use add, remove or list");
  }
}
