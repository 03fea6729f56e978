package io.pitwall.app.config;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code kafka.*} settings: Kafka client properties passed through to the producer, the
 * consumers and the admin client (security, timeouts, compression, ...), each client getting only
 * the properties its own {@code ConfigDef} knows. An unknown property is refused, and so are the
 * properties Pitwall owns, with the reason. Passwords, keys and JAAS configurations are secrets.
 */
public final class KafkaClientSettings {

  /** The prefix of the family; {@code kafka.bootstrap.servers} is a setting of its own. */
  public static final String PREFIX = "kafka.";

  /** Which Kafka client a property map is for. */
  public enum Client {
    PRODUCER(ProducerConfig.configNames()),
    CONSUMER(ConsumerConfig.configNames()),
    ADMIN(AdminClientConfig.configNames());

    private final Set<String> names;

    Client(Set<String> names) {
      this.names = names;
    }

    /** Whether this client's ConfigDef knows the property. */
    public boolean knows(String property) {
      return names.contains(property);
    }
  }

  /** The properties Pitwall sets itself, with why a user may not. */
  static final Map<String, String> OWNED =
      Map.ofEntries(
          Map.entry("bootstrap.servers", "it is the setting kafka.bootstrap.servers"),
          Map.entry(
              "transactional.id",
              "Pitwall sets it to <topic.prefix><instance.id>: keep instance.id stable instead"),
          Map.entry("enable.idempotence", "Pitwall's transactions require it (true)"),
          Map.entry("acks", "Pitwall's transactions require all"),
          Map.entry(
              "max.block.ms", "Pitwall sets it (10 s) so that an outage is noticed and reported"),
          Map.entry(
              "transaction.timeout.ms",
              "Pitwall sets it (30 s) so that a killed engine's open transaction is aborted soon"),
          Map.entry(
              "delivery.timeout.ms",
              "Pitwall derives it from request.timeout.ms and linger.ms (at least 40 s)"),
          Map.entry("isolation.level", "Pitwall reads its topics read_committed"),
          Map.entry(
              "group.id",
              "Pitwall's instances share the watches through the group <topic.prefix>engine"),
          Map.entry(
              "group.instance.id",
              "Pitwall sets it to instance.id: keep instance.id unique and stable instead"),
          Map.entry("session.timeout.ms", "it is the setting group.session.timeout (default 30 s)"),
          Map.entry(
              "partition.assignment.strategy",
              "Pitwall's group rebalances cooperatively (CooperativeStickyAssignor)"),
          Map.entry("group.protocol", "Pitwall's group uses the classic protocol"),
          Map.entry(
              "enable.auto.commit", "Pitwall commits the group's offsets inside its transactions"),
          Map.entry("auto.offset.reset", "Pitwall reads its topics from the beginning"),
          Map.entry("key.serializer", "Pitwall serializes its records itself"),
          Map.entry("value.serializer", "Pitwall serializes its records itself"),
          Map.entry("key.deserializer", "Pitwall deserializes its records itself"),
          Map.entry("value.deserializer", "Pitwall deserializes its records itself"));

  private final Map<String, String> properties;

  private KafkaClientSettings(Map<String, String> properties) {
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  /** No client properties beyond the bootstrap servers. */
  public static KafkaClientSettings none() {
    return new KafkaClientSettings(Map.of());
  }

  /**
   * Picks the {@code kafka.*} keys out of the raw settings and validates them.
   *
   * @param raw every raw key and value
   * @param problems where problems go, in the project's message form
   */
  static KafkaClientSettings parse(Map<String, String> raw, List<String> problems) {
    Map<String, String> found = new TreeMap<>();
    raw.forEach(
        (key, value) -> {
          if (!key.startsWith(PREFIX)
              || key.equals(PitwallSettings.KAFKA_BOOTSTRAP_SERVERS.key())) {
            return;
          }
          String property = key.substring(PREFIX.length());
          String shown = isSecret(property) ? "****" : value;
          String owned = OWNED.get(property);
          if (owned != null) {
            problems.add("Invalid value " + shown + " for configuration " + key + ": " + owned);
          } else if (java.util.Arrays.stream(Client.values()).noneMatch(c -> c.knows(property))) {
            problems.add(
                "Invalid value "
                    + shown
                    + " for configuration "
                    + key
                    + ": not a Kafka producer, consumer or admin client property");
          } else if (value == null || value.isBlank()) {
            problems.add("Invalid value " + shown + " for configuration " + key + ": empty");
          } else {
            found.put(property, value);
          }
        });
    return new KafkaClientSettings(found);
  }

  /** Whether a client property holds a secret (passwords, keys, JAAS configurations). */
  public static boolean isSecret(String property) {
    String p = property.toLowerCase(Locale.ROOT);
    return p.contains("password")
        || p.endsWith("jaas.config")
        || p.endsWith(".key")
        || p.contains("secret")
        || p.contains("token");
  }

  /** The properties one client takes (without the prefix). */
  public Map<String, Object> forClient(Client client) {
    Map<String, Object> out = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (client.knows(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** Every property (without the prefix), for the effective configuration; callers mask secrets. */
  public Map<String, String> all() {
    return properties;
  }
}
