package io.pitwall.kafka.watches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pitwall.core.AccountIds;
import io.pitwall.core.Source;
import io.pitwall.core.WatchDefinition;
import io.pitwall.core.WatchKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a watches-topic record: key {@code <source>:<accountId>}, value a JSON object with
 * {@code source}, {@code accountId} and optional {@code label}, {@code enabled}, {@code
 * credential}, {@code backfill}, {@code series}, {@code minInterval}, {@code maxInterval}; a null
 * value is a tombstone. Every problem gets a stable reason code.
 */
public final class WatchRecordParser {

  /** Every reason code a rejection can carry. */
  public static final List<String> REASONS =
      List.of(
          "MISSING_KEY",
          "BAD_KEY",
          "UNKNOWN_SOURCE",
          "BAD_ACCOUNT_ID",
          "OVERSIZED",
          "MALFORMED_JSON",
          "NOT_AN_OBJECT",
          "UNKNOWN_FIELD",
          "BAD_FIELD_TYPE",
          "KEY_VALUE_MISMATCH",
          "BAD_LABEL",
          "UNKNOWN_CREDENTIAL",
          "BAD_SERIES",
          "BAD_INTERVAL",
          "PARSE_FAILURE");

  /** Largest value accepted, in bytes. */
  public static final int MAX_VALUE_BYTES = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "source",
          "accountId",
          "label",
          "enabled",
          "credential",
          "backfill",
          "series",
          "minInterval",
          "maxInterval");

  private static final String CREDENTIAL_NAME = "[a-z0-9]{1,32}";

  private final Map<Source, Set<String>> credentials;

  /**
   * @param credentials the credential names configured for each source (e.g. {@code default}); a
   *     watch naming another is rejected, a watch naming none is spread over its source's pool
   */
  public WatchRecordParser(Map<Source, Set<String>> credentials) {
    this.credentials = Map.copyOf(credentials);
  }

  /**
   * A parser for tools that do not know the engine's credentials (the operator CLI): any
   * well-formed credential name passes; the engine still rejects names it has not configured.
   */
  public static WatchRecordParser anyCredential() {
    return new WatchRecordParser(null, true);
  }

  private WatchRecordParser(Map<Source, Set<String>> credentials, boolean any) {
    this.credentials = any ? null : Map.copyOf(credentials);
  }

  /** Parses one record. */
  public WatchRecord parse(byte[] keyBytes, byte[] value) {
    if (keyBytes == null) {
      return rejected("MISSING_KEY", "the record has no key; use <source>:<accountId>");
    }
    String keyText = new String(keyBytes, StandardCharsets.UTF_8);
    WatchKey key;
    try {
      key = WatchKey.parse(keyText);
    } catch (IllegalArgumentException e) {
      return rejected(
          e.getMessage().startsWith("Unknown source") ? "UNKNOWN_SOURCE" : "BAD_KEY",
          e.getMessage());
    }
    String idProblem = AccountIds.problem(key.source(), key.accountId());
    if (idProblem != null) {
      return rejected("BAD_ACCOUNT_ID", idProblem);
    }
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
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        return rejected("UNKNOWN_FIELD", "unknown field '" + name + "'; fields are " + FIELDS);
      }
    }
    if (!json.path("source").isTextual() || !json.path("accountId").isTextual()) {
      return rejected("BAD_FIELD_TYPE", "source and accountId are required strings");
    }
    if (!json.get("source").asText().equals(key.source().id())
        || !json.get("accountId").asText().equals(key.accountId())) {
      return rejected(
          "KEY_VALUE_MISMATCH",
          "key "
              + key
              + " disagrees with value "
              + json.get("source").asText()
              + ":"
              + json.get("accountId").asText());
    }
    String label = null;
    if (json.has("label")) {
      if (!json.get("label").isTextual()
          || json.get("label").asText().length() > 100
          || json.get("label").asText().chars().anyMatch(Character::isISOControl)) {
        return rejected("BAD_LABEL", "label must be a string of at most 100 printable characters");
      }
      label = json.get("label").asText();
    }
    for (String flag : List.of("enabled", "backfill")) {
      if (json.has(flag) && !json.get(flag).isBoolean()) {
        return rejected("BAD_FIELD_TYPE", flag + " must be true or false");
      }
    }
    String credential = null;
    if (json.has("credential") && !json.get("credential").isNull()) {
      if (!json.get("credential").isTextual()
          || !json.get("credential").asText().matches(CREDENTIAL_NAME)) {
        return rejected(
            "UNKNOWN_CREDENTIAL", "credential must be a name of 1 to 32 letters a-z and digits");
      }
      credential = json.get("credential").asText();
      Set<String> known =
          credentials == null ? null : credentials.getOrDefault(key.source(), Set.of());
      if (known != null && !known.contains(credential)) {
        return rejected(
            "UNKNOWN_CREDENTIAL",
            "credential '"
                + credential
                + "' is not configured for "
                + key.source().id()
                + "; known: "
                + new java.util.TreeSet<>(known));
      }
    }
    List<String> series = new ArrayList<>();
    if (json.has("series")) {
      if (key.source() != Source.GRIDSTATS || !json.get("series").isArray()) {
        return rejected(
            "BAD_SERIES", "series is a list of numeric ids, for gridstats watches only");
      }
      for (JsonNode s : json.get("series")) {
        if (!s.isTextual() || !s.asText().matches("[0-9]{1,10}")) {
          return rejected("BAD_SERIES", "series id " + s + " must be a numeric string");
        }
        series.add(s.asText());
      }
    }
    Duration min;
    Duration max;
    try {
      min = duration(json, "minInterval");
      max = duration(json, "maxInterval");
    } catch (IllegalArgumentException e) {
      return rejected("BAD_INTERVAL", e.getMessage());
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      return rejected("BAD_INTERVAL", "minInterval " + min + " exceeds maxInterval " + max);
    }
    return new WatchRecord.Upsert(
        new WatchDefinition(
            key,
            label,
            !json.has("enabled") || json.get("enabled").asBoolean(),
            credential,
            json.has("backfill") && json.get("backfill").asBoolean(),
            series,
            min,
            max));
  }

  private static Duration duration(JsonNode json, String field) {
    if (!json.has(field)) {
      return null;
    }
    try {
      Duration d = Duration.parse(json.get(field).asText());
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException(field + " must be between 0 and 30 days");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " '" + json.get(field).asText() + "' is not an ISO-8601 duration");
    }
  }

  private static WatchRecord rejected(String reason, String message) {
    return new WatchRecord.Rejected(reason, message);
  }
}
