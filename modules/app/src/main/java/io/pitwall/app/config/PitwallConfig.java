package io.pitwall.app.config;

import io.pitwall.core.WatchDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated configuration: a properties file, overridden by {@code PITWALL_*} environment
 * variables. {@link #load} checks everything and reports every problem at once; values are then
 * typed. {@link #describe} shows the effective configuration with secrets masked.
 */
public final class PitwallConfig {

  /** The name of the credential set by the plain settings ({@code psn.npsso}, ...). */
  public static final String DEFAULT_CREDENTIAL =
      io.pitwall.source.api.CredentialPool.DEFAULT_MEMBER;

  private final Map<String, Object> values;
  private final Map<String, String> texts;
  private final Map<String, String> sources;
  private final List<WatchDefinition> watches;
  private final Map<String, Map<String, String>> credentials;

  private final KafkaClientSettings kafkaClients;

  private PitwallConfig(
      Map<String, Object> values,
      Map<String, String> texts,
      Map<String, String> sources,
      List<WatchDefinition> watches,
      Map<String, Map<String, String>> credentials,
      KafkaClientSettings kafkaClients) {
    this.values = values;
    this.texts = texts;
    this.sources = sources;
    this.watches = List.copyOf(watches);
    this.credentials = credentials;
    this.kafkaClients = kafkaClients;
  }

  /** How to reach the schema registry: its authentication and TLS trust. */
  public io.pitwall.events.wire.RegistryAccess registryAccess() {
    return registryAccess(values);
  }

  private static io.pitwall.events.wire.RegistryAccess registryAccess(Map<String, Object> values) {
    return io.pitwall.events.wire.RegistryAccess.of(
        (String) values.get(PitwallSettings.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.key()),
        (String) values.get(PitwallSettings.SCHEMA_REGISTRY_BEARER_TOKEN.key()),
        (String) values.get(PitwallSettings.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION.key()),
        (String) values.get(PitwallSettings.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD.key()),
        (String) values.get(PitwallSettings.SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE.key()));
  }

  /**
   * The settings of one Kafka client: the bootstrap servers and the {@code kafka.*} properties its
   * ConfigDef knows.
   */
  public Map<String, Object> kafkaClient(KafkaClientSettings.Client client) {
    Map<String, Object> config = new HashMap<>(kafkaClients.forClient(client));
    config.put("bootstrap.servers", string(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS));
    return config;
  }

  /**
   * Loads and validates.
   *
   * @param file the properties file, or null
   * @param env the environment (System.getenv() in production)
   * @throws ConfigException listing every problem
   */
  public static PitwallConfig load(Path file, Map<String, String> env) {
    ConfigInput input = ConfigInput.read(file, env);
    Map<String, String> raw = input.raw();
    Map<String, String> sources = input.origins();
    List<String> problems = new ArrayList<>();
    Map<String, Object> values = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (Setting setting : PitwallSettings.all()) {
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
        texts.put(setting.key(), text.trim());
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
    List<WatchDefinition> watches = ConfiguredWatches.parse(raw, problems);
    Map<String, Map<String, String>> credentials = CredentialSettings.parse(raw, values, problems);
    KafkaClientSettings kafkaClients = KafkaClientSettings.parse(raw, problems);
    ConfiguredWatches.checkCredentials(watches, credentials, problems);
    for (String key : raw.keySet()) {
      boolean known =
          PitwallSettings.families().stream().anyMatch(key::startsWith)
              || PitwallSettings.all().stream().anyMatch(s -> s.key().equals(key));
      if (!known) {
        problems.add(
            "Invalid value "
                + raw.get(key)
                + " for configuration "
                + key
                + ": unknown setting (see the README's configuration reference)");
      }
    }
    if (values.containsKey(PitwallSettings.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO.key())
        && values.containsKey(PitwallSettings.SCHEMA_REGISTRY_BEARER_TOKEN.key())) {
      problems.add(
          "Invalid value **** for configuration schema.registry.bearer.token: set it or"
              + " schema.registry.basic.auth.user.info, not both");
    }
    if (values.containsKey(PitwallSettings.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION.key())) {
      try {
        registryAccess(values);
      } catch (IllegalArgumentException e) {
        problems.add(
            "Invalid value "
                + values.get(PitwallSettings.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION.key())
                + " for configuration schema.registry.ssl.truststore.location: "
                + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new PitwallConfig(values, texts, sources, watches, credentials, kafkaClients);
  }

  /** Builds a configuration from explicit values (demo and tests), validated the same way. */
  public static PitwallConfig of(Map<String, String> properties) {
    Map<String, String> env = new HashMap<>();
    properties.forEach((k, v) -> env.put(Setting.envName(k), v));
    return load(null, env);
  }

  public String string(Setting setting) {
    return (String) values.get(setting.key());
  }

  public int integer(Setting setting) {
    return (Integer) values.get(setting.key());
  }

  /** A setting's parsed value of the given type (e.g. an enum). */
  public <T> T value(Setting setting, Class<T> type) {
    return type.cast(values.get(setting.key()));
  }

  /**
   * A source plugin's own settings, typed by its {@link
   * io.pitwall.source.api.SourcePlugin#settings()} (already validated at load).
   */
  public org.apache.kafka.common.config.AbstractConfig pluginConfig(
      io.pitwall.source.api.SourcePlugin plugin) {
    Map<String, Object> own = new HashMap<>();
    for (String key : plugin.settings().configKeys().keySet()) {
      String text = texts.get(key);
      if (text != null) {
        own.put(key, text); // the validated text: the plugin's ConfigDef types and converts it
      }
    }
    return new org.apache.kafka.common.config.AbstractConfig(plugin.settings(), own, false);
  }

  public Duration duration(Setting setting) {
    return (Duration) values.get(setting.key());
  }

  /** The configured watches. */
  public List<WatchDefinition> watches() {
    return watches;
  }

  /** A source's credentials (secrets) by name; {@code default} is the plain setting's. */
  public Map<String, String> credentials(String source) {
    return credentials.get(source);
  }

  /** The effective configuration, one line per setting with its origin; secrets masked. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Setting setting : PitwallSettings.all()) {
      // as given (or defaulted), not as converted: "PT60S", not a Duration's or a parser's form
      Object value = texts.get(setting.key());
      out.append(setting.key())
          .append(" = ")
          .append(value == null ? "(unset)" : setting.secret() ? "****" : value)
          .append(value == null ? "" : "  [" + sources.getOrDefault(setting.key(), "default") + "]")
          .append(System.lineSeparator());
    }
    kafkaClients
        .all()
        .forEach(
            (property, value) ->
                out.append(KafkaClientSettings.PREFIX)
                    .append(property)
                    .append(" = ")
                    .append(KafkaClientSettings.isSecret(property) ? "****" : value)
                    .append("  [")
                    .append(sources.getOrDefault(KafkaClientSettings.PREFIX + property, "default"))
                    .append("]")
                    .append(System.lineSeparator()));
    credentials.forEach(
        (source, named) ->
            out.append(source)
                .append(" credentials = ")
                .append(named.isEmpty() ? "(none)" : String.join(", ", named.keySet()))
                .append(System.lineSeparator()));
    watches.forEach(
        w ->
            out.append("watch ")
                .append(w.key())
                .append(w.label() == null ? "" : " label=" + w.label())
                .append(w.options().describe())
                .append(w.credential() == null ? "" : " credential=" + w.credential())
                .append(System.lineSeparator()));
    return out.toString();
  }
}
