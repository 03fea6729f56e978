package io.pitwall.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration as given, before any check: the properties file, overridden by {@code
 * PITWALL_*} environment variables (a setting's own variable, or a family's such as {@code
 * PITWALL_KAFKA_<PROPERTY>}).
 *
 * @param raw the text of every key given
 * @param origins where each key's text came from (the file's path, or {@code environment X})
 */
record ConfigInput(Map<String, String> raw, Map<String, String> origins) {

  /**
   * Reads the file (if any) and the environment.
   *
   * @throws ConfigException when the file cannot be read
   */
  static ConfigInput read(Path file, Map<String, String> env) {
    Map<String, String> raw = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
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
    for (Setting setting : PitwallSettings.all()) {
      String value = env.get(setting.envName());
      if (value != null) {
        raw.put(setting.key(), value);
        sources.put(setting.key(), "environment " + setting.envName());
      }
    }
    env.forEach(
        (name, value) -> {
          for (String prefix : PitwallSettings.families()) {
            String envPrefix = Setting.envName(prefix);
            if (name.startsWith(envPrefix)) {
              String rest = name.substring(envPrefix.length()).toLowerCase(java.util.Locale.ROOT);
              // Kafka's property names use dots where environment variables have underscores
              String key =
                  prefix
                      + (prefix.equals(KafkaClientSettings.PREFIX) ? rest.replace('_', '.') : rest);
              raw.put(key, value);
              sources.put(key, "environment " + name);
            }
          }
        });
    return new ConfigInput(raw, sources);
  }
}
