package io.pitwall.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Removes a watch (tombstone). */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = "Remove a watch (its state is tombstoned too).")
final class WatchRemoveCommand implements Callable<Integer> {
  @Mixin WatchTarget target;

  @Parameters(paramLabel = "KEY", description = "<source>:<accountId>")
  String key;

  @Override
  public Integer call() throws Exception {
    return target.write(key, null, "removed from");
  }
}
