package io.pitwall.app.config;

import io.pitwall.core.Source;
import io.pitwall.core.WatchKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A watched account from configuration: {@code watch.N = <source>:<accountId> [label=...]
 * [backfill=true] [series=<id>,<id>]}.
 *
 * @param key the watch key
 * @param label the operator's label, or null
 * @param backfill PSN: whether the first poll emits every earlier trophy (in earned order) instead
 *     of taking a silent baseline
 * @param series gtgridstats: the series whose rounds to follow
 */
public record WatchSpec(WatchKey key, String label, boolean backfill, List<String> series) {

  public WatchSpec {
    series = List.copyOf(series);
  }

  /**
   * Parses a watch value.
   *
   * @throws IllegalArgumentException with the reason
   */
  public static WatchSpec parse(String text) {
    String[] parts = text.trim().split("\\s+");
    WatchKey key = WatchKey.parse(parts[0]);
    String problem = io.pitwall.core.AccountIds.problem(key.source(), key.accountId());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    String label = null;
    boolean backfill = false;
    List<String> series = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("label=") && part.length() > 6) {
        label = part.substring(6);
      } else if (key.source() == Source.PSN
          && (part.equals("backfill=true") || part.equals("backfill=false"))) {
        backfill = part.endsWith("true");
      } else if (key.source() == Source.GRIDSTATS && part.startsWith("series=")) {
        for (String s : part.substring(7).split(",")) {
          if (!s.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("series id '" + s + "' must be a number");
          }
          series.add(s);
        }
      } else {
        throw new IllegalArgumentException(
            "unknown option '"
                + part
                + "' for a "
                + key.source().id()
                + " watch (use label=..."
                + (key.source() == Source.PSN ? ", backfill=true|false" : "")
                + (key.source() == Source.GRIDSTATS ? ", series=<id>,<id>" : "")
                + ")");
      }
    }
    return new WatchSpec(key, label, backfill, series);
  }
}
