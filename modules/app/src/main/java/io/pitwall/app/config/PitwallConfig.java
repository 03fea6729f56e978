package io.pitwall.app.config;

import io.pitwall.core.Source;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Validated configuration: a properties file, overridden by {@code PITWALL_*} environment
 * variables. {@link #load} checks everything and reports every problem at once; values are then
 * typed. {@link #describe} shows the effective configuration with secrets masked.
 */
public final class PitwallConfig {

  private final Map<String, Object> values;
  private final Map<String, String> sources;
  private final List<WatchSpec> watches;

  private PitwallConfig(
      Map<String, Object> values, Map<String, String> sources, List<WatchSpec> watches) {
    this.values = values;
    this.sources = sources;
    this.watches = List.copyOf(watches);
  }

  /**
   * Loads and validates.
   *
   * @param file the properties file, or null
   * @param env the environment (System.getenv() in production)
   * @throws ConfigException listing every problem
   */
  public static PitwallConfig load(Path file, Map<String, String> env) {
    Map<String, String> raw = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    List<String> problems = new ArrayList<>();
    if (file != null) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
        properties
            .stringPropertyNames()
            .forEach(
                k -> {
                  raw.put(k, properties.getProperty(k));
                  sources.put(k, file.toString());
                });
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigException(
            List.of(
                "Invalid value "
                    + file
                    + " for configuration --config: cannot read it ("
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()
                    + ")"));
      }
    }
    for (Setting setting : PitwallSettings.ALL) {
      String value = env.get(setting.envName());
      if (value != null) {
        raw.put(setting.key(), value);
        sources.put(setting.key(), "environment " + setting.envName());
      }
    }
    env.forEach(
        (name, value) -> {
          if (name.startsWith("PITWALL_WATCH_")) {
            String key =
                PitwallSettings.WATCH_PREFIX
                    + name.substring("PITWALL_WATCH_".length()).toLowerCase();
            raw.put(key, value);
            sources.put(key, "environment " + name);
          }
        });
    Map<String, Object> values = new HashMap<>();
    for (Setting setting : PitwallSettings.ALL) {
      String text = raw.get(setting.key());
      if (text == null || text.isBlank()) {
        if (setting.required()) {
          problems.add(
              "Missing value for configuration "
                  + setting.key()
                  + " (or "
                  + setting.envName()
                  + "): "
                  + setting.doc());
          continue;
        }
        if (setting.defaultValue() == null) {
          continue;
        }
        text = setting.defaultValue();
        sources.put(setting.key(), "default");
      }
      try {
        values.put(setting.key(), setting.check().apply(text));
      } catch (IllegalArgumentException e) {
        problems.add(
            "Invalid value "
                + (setting.secret() ? "****" : text)
                + " for configuration "
                + setting.key()
                + ": "
                + e.getMessage());
      }
    }
    List<WatchSpec> watches = new ArrayList<>();
    Map<String, String> watchValues = new TreeMap<>();
    raw.forEach(
        (k, v) -> {
          if (k.startsWith(PitwallSettings.WATCH_PREFIX)) {
            watchValues.put(k, v);
          }
        });
    java.util.Set<String> keys = new java.util.HashSet<>();
    watchValues.forEach(
        (k, v) -> {
          try {
            WatchSpec spec = WatchSpec.parse(v);
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
    for (String key : raw.keySet()) {
      boolean known =
          key.startsWith(PitwallSettings.WATCH_PREFIX)
              || PitwallSettings.ALL.stream().anyMatch(s -> s.key().equals(key));
      if (!known) {
        problems.add(
            "Invalid value "
                + raw.get(key)
                + " for configuration "
                + key
                + ": unknown setting (see the README's configuration reference)");
      }
    }
    if (watches.stream().anyMatch(w -> w.key().source() == Source.PSN)
        && !values.containsKey(PitwallSettings.PSN_NPSSO.key())) {
      problems.add(
          "Missing value for configuration psn.npsso (or PITWALL_PSN_NPSSO): PSN watches need a credential");
    }
    if (watches.stream().anyMatch(w -> w.key().source() == Source.GRIDSTATS)
        && !values.containsKey(PitwallSettings.GRIDSTATS_API_KEY.key())) {
      problems.add(
          "Missing value for configuration gridstats.api.key (or PITWALL_GRIDSTATS_API_KEY): gridstats watches need a key");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new PitwallConfig(values, sources, watches);
  }

  /** Builds a configuration from explicit values (demo and tests), validated the same way. */
  public static PitwallConfig of(Map<String, String> properties) {
    Map<String, String> env = new HashMap<>();
    properties.forEach(
        (k, v) ->
            env.put(
                k.startsWith(PitwallSettings.WATCH_PREFIX)
                    ? "PITWALL_WATCH_"
                        + k.substring(PitwallSettings.WATCH_PREFIX.length()).toUpperCase()
                    : new Setting(k, null, false, false, "", s -> s).envName(),
                v));
    return load(null, env);
  }

  public String string(Setting setting) {
    return (String) values.get(setting.key());
  }

  public int integer(Setting setting) {
    return (Integer) values.get(setting.key());
  }

  public Duration duration(Setting setting) {
    return (Duration) values.get(setting.key());
  }

  /** The configured watches. */
  public List<WatchSpec> watches() {
    return watches;
  }

  /** The effective configuration, one line per setting with its origin; secrets masked. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Setting setting : PitwallSettings.ALL) {
      Object value = values.get(setting.key());
      out.append(setting.key())
          .append(" = ")
          .append(value == null ? "(unset)" : setting.secret() ? "****" : value)
          .append(value == null ? "" : "  [" + sources.getOrDefault(setting.key(), "default") + "]")
          .append(System.lineSeparator());
    }
    watches.forEach(
        w ->
            out.append("watch ")
                .append(w.key())
                .append(w.label() == null ? "" : " label=" + w.label())
                .append(w.backfill() ? " backfill=true" : "")
                .append(w.series().isEmpty() ? "" : " series=" + String.join(",", w.series()))
                .append(System.lineSeparator()));
    return out.toString();
  }
}
