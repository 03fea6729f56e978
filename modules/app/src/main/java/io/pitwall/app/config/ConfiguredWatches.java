package io.pitwall.app.config;

import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchParser;
import io.pitwall.source.api.SourcePlugin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code watch.N} settings, read by the one {@link WatchParser} and checked against the
 * configured credential pools; every problem is added to the list, in the configuration's form.
 */
final class ConfiguredWatches {

  private ConfiguredWatches() {}

  /** The watches of the {@code watch.N} keys; a bad or repeated one is a problem. */
  static List<WatchDefinition> parse(Map<String, String> raw, List<String> problems) {
    List<WatchDefinition> watches = new ArrayList<>();
    Map<String, String> watchValues = new TreeMap<>();
    raw.forEach(
        (k, v) -> {
          if (k.startsWith(PitwallSettings.WATCH_PREFIX)) {
            watchValues.put(k, v);
          }
        });
    Set<String> keys = new HashSet<>();
    // credentials are checked by checkCredentials, against the parsed pools
    WatchParser parser = SourcePlugins.installed().watchParser(null);
    watchValues.forEach(
        (k, v) -> {
          try {
            WatchDefinition spec = parser.parseText(v);
            if (!keys.add(spec.key().toString())) {
              problems.add(
                  "Invalid value "
                      + v
                      + " for configuration "
                      + k
                      + ": "
                      + spec.key()
                      + " is watched twice");
            }
            watches.add(spec);
          } catch (IllegalArgumentException e) {
            problems.add("Invalid value " + v + " for configuration " + k + ": " + e.getMessage());
          }
        });
    return watches;
  }

  /** Checks each watch's credential, and that a source whose watches need a credential has one. */
  static void checkCredentials(
      List<WatchDefinition> watches,
      Map<String, Map<String, String>> credentials,
      List<String> problems) {
    for (WatchDefinition w : watches) {
      if (w.credential() != null
          && !credentials.get(w.key().source()).containsKey(w.credential())) {
        problems.add(
            "Invalid value "
                + w.credential()
                + " for configuration watch "
                + w.key()
                + ": no such "
                + w.key().source()
                + " credential (configured: "
                + credentials.get(w.key().source()).keySet()
                + ")");
      }
    }
    for (SourcePlugin plugin : SourcePlugins.installed().all()) {
      if (plugin.credentials() != null
          && credentials.get(plugin.id()).isEmpty()
          && watches.stream().anyMatch(w -> w.key().source().equals(plugin.id()))) {
        problems.add(
            "Missing value for configuration "
                + plugin.credentials().key()
                + " (or "
                + Setting.envName(plugin.credentials().key())
                + "): "
                + plugin.id()
                + " watches need a credential");
      }
    }
  }
}
