package io.pitwall.kafka.watches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pitwall.core.WatchDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A watch definition as a watches-topic value, the inverse of {@link WatchRecordParser}: {@code
 * source}, {@code accountId}, the optional fields that are set, the source's options, and the
 * record's {@code origin}: {@value #CONFIG} for a watch an instance's configuration ({@code
 * watch.N}) declares, which only the configuration may change or remove.
 */
public final class WatchJson {

  /** The field that says where a watch comes from. */
  public static final String ORIGIN = "origin";

  /** The origin of a watch declared by {@code watch.N} settings. */
  public static final String CONFIG = "config";

  /** The origin of a watch added through the topic ({@code pitwall watch add}, any producer). */
  public static final String TOPIC = "topic";

  private static final ObjectMapper JSON = new ObjectMapper();

  private WatchJson() {}

  /** The value of a watch, with its origin. */
  public static byte[] of(WatchDefinition watch, String origin) {
    ObjectNode value =
        JSON.createObjectNode()
            .put("source", watch.key().source())
            .put("accountId", watch.key().accountId());
    if (watch.label() != null) {
      value.put("label", watch.label());
    }
    if (!watch.enabled()) {
      value.put("enabled", false);
    }
    if (watch.credential() != null) {
      value.put("credential", watch.credential());
    }
    if (watch.minInterval() != null) {
      value.put("minInterval", watch.minInterval().toString());
    }
    if (watch.maxInterval() != null) {
      value.put("maxInterval", watch.maxInterval().toString());
    }
    watch
        .options()
        .values()
        .forEach(
            (name, option) -> {
              if (option instanceof Boolean flag) {
                value.put(name, flag);
              } else if (option instanceof List<?> items) {
                ArrayNode list = value.putArray(name);
                items.forEach(item -> list.add(String.valueOf(item)));
              } else {
                value.put(name, String.valueOf(option));
              }
            });
    value.put(ORIGIN, origin);
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The origin a value names, or null (a value without one, or not JSON). */
  public static String originOf(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(value);
      return node != null && node.path(ORIGIN).isTextual() ? node.get(ORIGIN).asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }
}
