package io.pitwall.kafka.watches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.core.WatchKey;
import io.pitwall.core.WatchParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a watches-topic record: key {@code <source>:<accountId>}, value a JSON object with {@code
 * source}, {@code accountId} and the optional fields of {@link WatchParser} (label, enabled,
 * credential, intervals, the source's options) and where it comes from ({@code origin}: {@code
 * config} for a {@code watch.N} setting, {@code topic} otherwise); a null value is a tombstone. The
 * JSON is read into plain values here and checked by the one {@link WatchParser}, the same rules as
 * the configuration file's watches. Every problem gets a stable reason code.
 */
public final class WatchRecordParser {

  /** Every reason code a rejection can carry. */
  public static final List<String> REASONS = WatchParser.REASONS;

  /** Largest value accepted, in bytes. */
  public static final int MAX_VALUE_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WatchParser parser;

  /**
   * @param parser the watch rules of every source, with the engine's credential names (or any)
   */
  public WatchRecordParser(WatchParser parser) {
    this.parser = parser;
  }

  /** Parses one record. */
  public WatchRecord parse(byte[] keyBytes, byte[] value) {
    if (keyBytes == null) {
      return rejected("MISSING_KEY", "the record has no key; use <source>:<accountId>");
    }
    try {
      WatchKey key = parser.key(new String(keyBytes, StandardCharsets.UTF_8));
      if (value == null) {
        return new WatchRecord.Remove(key);
      }
      if (value.length > MAX_VALUE_BYTES) {
        return rejected(
            "OVERSIZED", "value of " + value.length + " bytes exceeds " + MAX_VALUE_BYTES);
      }
      JsonNode json;
      try {
        json = JSON.readTree(value);
      } catch (JsonProcessingException e) {
        return rejected("MALFORMED_JSON", "value is not JSON: " + e.getOriginalMessage());
      } catch (java.io.IOException e) {
        return rejected("MALFORMED_JSON", "value is not JSON: " + e.getMessage());
      }
      if (json == null || !json.isObject()) {
        return rejected("NOT_AN_OBJECT", "value must be a JSON object");
      }
      if (!json.path("source").isTextual() || !json.path("accountId").isTextual()) {
        return rejected("BAD_FIELD_TYPE", "source and accountId are required strings");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), plain(field.getValue()));
      }
      if (fields.containsKey(WatchJson.ORIGIN)) {
        Object origin = fields.remove(WatchJson.ORIGIN);
        if (!WatchJson.CONFIG.equals(origin) && !WatchJson.TOPIC.equals(origin)) {
          return rejected(
              "BAD_FIELD_TYPE",
              "origin must be \"" + WatchJson.CONFIG + "\" or \"" + WatchJson.TOPIC + "\"");
        }
      }
      return new WatchRecord.Upsert(parser.definition(key, fields));
    } catch (WatchParser.Rejection rejection) {
      return rejected(rejection.reason(), rejection.getMessage());
    }
  }

  /**
   * A JSON value as a plain Java value: String, Boolean, Number, List, null, or the node itself.
   */
  private static Object plain(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(plain(item)));
      return items;
    }
    return node;
  }

  private static WatchRecord rejected(String reason, String message) {
    return new WatchRecord.Rejected(reason, message);
  }
}
