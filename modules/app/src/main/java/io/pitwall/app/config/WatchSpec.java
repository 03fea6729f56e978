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
    String id = key.accountId();
    switch (key.source()) {
      case PSN -> {
        if (!id.equals("me") && !id.matches("[0-9]{1,20}")) {
          throw new IllegalArgumentException(
              "a PSN account id is 'me' or a number, not '" + id + "'");
        }
      }
      case GT -> {
        if (!id.matches("[0-9]{1,12}")) {
          throw new IllegalArgumentException("a GT Sport user_no is a number, not '" + id + "'");
        }
      }
      case GRIDSTATS -> {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]{2,15}")) {
          throw new IllegalArgumentException(
              "'" + id + "' is not a PSN online id (3-16 letters, digits, '_' or '-')");
        }
      }
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
