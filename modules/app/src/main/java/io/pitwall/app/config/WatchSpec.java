package io.pitwall.app.config;

import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;

/**
 * A watched account from configuration: {@code watch.N = <source>:<accountId> [label=...]
 * [backfill=true]}.
 *
 * @param key the watch key
 * @param label the operator's label, or null
 * @param backfill whether the first poll emits every earlier change (in earned order) instead of
 *     taking a silent baseline
 */
public record WatchSpec(WatchKey key, String label, boolean backfill) {

  /**
   * Parses a watch value.
   *
   * @throws IllegalArgumentException with the reason
   */
  public static WatchSpec parse(String text) {
    String[] parts = text.trim().split("\\s+");
    WatchKey key = WatchKey.parse(parts[0]);
    if (key.source() != Source.PSN) {
      throw new IllegalArgumentException(
          "source " + key.source().id() + " is not supported yet; only psn");
    }
    if (!key.accountId().equals("me") && !key.accountId().matches("[0-9]{1,20}")) {
      throw new IllegalArgumentException(
          "a PSN account id is 'me' or a number, not '" + key.accountId() + "'");
    }
    String label = null;
    boolean backfill = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("label=") && part.length() > 6) {
        label = part.substring(6);
      } else if (part.equals("backfill=true") || part.equals("backfill=false")) {
        backfill = part.endsWith("true");
      } else {
        throw new IllegalArgumentException(
            "unknown option '" + part + "' (use label=... or backfill=true|false)");
      }
    }
    return new WatchSpec(key, label, backfill);
  }
}
