package io.pitwall.app.cli;

import io.pitwall.app.config.ConfigException;
import io.pitwall.app.config.KafkaClientSettings;
import io.pitwall.app.config.PitwallConfig;
import io.pitwall.app.config.PitwallSettings;
import io.pitwall.events.wire.ConfluentRestRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an operator command's Kafka, registry and topics are: the engine's own configuration (its
 * {@code --config} file and the same environment variables as {@code run}, so the security settings
 * {@code kafka.*} and the registry's credentials apply too), with the command's {@code
 * --bootstrap-servers}, {@code --schema-registry-url} and {@code --topic-prefix} on top. Without a
 * file, Kafka defaults to localhost:9092 and the registry to http://localhost:8081.
 */
final class ClusterConnection {

  private final PitwallConfig config;

  private ClusterConnection(PitwallConfig config) {
    this.config = config;
  }

  /**
   * Resolves and validates the connection.
   *
   * @param file the engine's properties file, or null
   * @param bootstrapServers an explicit {@code --bootstrap-servers}, or null
   * @param registryUrl an explicit {@code --schema-registry-url}, or null
   * @param prefix an explicit {@code --topic-prefix}, or null
   * @throws ConfigException listing every problem, as {@code run} does
   */
  static ClusterConnection resolve(
      Path file, String bootstrapServers, String registryUrl, String prefix) {
    Map<String, String> env = new HashMap<>(System.getenv());
    if (file == null) {
      env.putIfAbsent(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS.envName(), "localhost:9092");
      env.putIfAbsent(PitwallSettings.SCHEMA_REGISTRY_URL.envName(), "http://localhost:8081");
    }
    override(env, PitwallSettings.KAFKA_BOOTSTRAP_SERVERS.envName(), bootstrapServers);
    override(env, PitwallSettings.SCHEMA_REGISTRY_URL.envName(), registryUrl);
    override(env, PitwallSettings.TOPIC_PREFIX.envName(), prefix);
    return new ClusterConnection(PitwallConfig.load(file, env));
  }

  private static void override(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }

  /** Settings of a consumer: bootstrap servers and the {@code kafka.*} consumer properties. */
  Map<String, Object> consumer() {
    return config.kafkaClient(KafkaClientSettings.Client.CONSUMER);
  }

  /** Settings of a producer: bootstrap servers and the {@code kafka.*} producer properties. */
  Map<String, Object> producer() {
    return config.kafkaClient(KafkaClientSettings.Client.PRODUCER);
  }

  /** Settings of an admin client: bootstrap servers and the {@code kafka.*} admin properties. */
  Map<String, Object> admin() {
    return config.kafkaClient(KafkaClientSettings.Client.ADMIN);
  }

  /** A client of the registry, with its credentials and truststore. */
  ConfluentRestRegistryClient registry() {
    return new ConfluentRestRegistryClient(
        config.string(PitwallSettings.SCHEMA_REGISTRY_URL),
        Duration.ofSeconds(10),
        config.registryAccess());
  }

  /** The topic prefix. */
  String prefix() {
    return config.string(PitwallSettings.TOPIC_PREFIX);
  }

  /** Prints the problems as {@code run} does; the caller exits with code 2. */
  static int refuse(ConfigException e) {
    System.err.println("Configuration is invalid:");
    e.problems().forEach(p -> System.err.println("  " + p));
    return RunCommand.CONFIG_ERROR;
  }
}
