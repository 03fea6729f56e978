package io.pitwall.kafka.serde;

import io.pitwall.events.wire.ConfluentRestRegistryClient;
import io.pitwall.events.wire.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Settings shared by {@link AvroEventSerializer} and {@link AvroEventDeserializer}. */
public final class AvroSerdeConfig {

  /** The schema registry's Confluent-compatible base URL (same key as Confluent's serdes). */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /**
   * An already built {@link SchemaRegistryClient} instance, shared by several serdes so that they
   * share one id cache. Takes precedence over {@link #SCHEMA_REGISTRY_URL}.
   */
  public static final String SCHEMA_REGISTRY_CLIENT = "pitwall.schema.registry.client";

  private AvroSerdeConfig() {}

  static SchemaRegistryClient registryFrom(Map<String, ?> configs) {
    Object client = configs.get(SCHEMA_REGISTRY_CLIENT);
    if (client instanceof SchemaRegistryClient shared) {
      return shared;
    }
    if (client != null) {
      throw new ConfigException(
          SCHEMA_REGISTRY_CLIENT, client, "must be a " + SchemaRegistryClient.class.getName());
    }
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "the schema registry URL is required");
    }
    return new ConfluentRestRegistryClient(url.toString());
  }
}
