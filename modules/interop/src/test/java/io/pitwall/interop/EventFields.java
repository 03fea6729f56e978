package io.pitwall.interop;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event as the row the JDBC sink writes for it (deploy/connect): the envelope flattened into
 * {@code event_id, source, account_id, watch_label, detected_at, event_time}, every other field
 * under its name in lower case; enums as their symbol, timestamps as instants.
 */
final class EventFields {

  private static final Map<String, String> ENVELOPE =
      Map.of(
          "eventId", "event_id",
          "source", "source",
          "accountId", "account_id",
          "watchLabel", "watch_label",
          "detectedAt", "detected_at",
          "eventTime", "event_time");

  private EventFields() {}

  /** The event's {@code envelope.eventId}. */
  static String eventId(SpecificRecord event) {
    return ((GenericRecord) ((GenericRecord) event).get("envelope")).get("eventId").toString();
  }

  /** The event's expected row: column name to value. */
  static Map<String, Object> row(SpecificRecord event) {
    GenericRecord record = (GenericRecord) event;
    Map<String, Object> row = new LinkedHashMap<>();
    GenericRecord envelope = (GenericRecord) record.get("envelope");
    for (Schema.Field field : envelope.getSchema().getFields()) {
      row.put(ENVELOPE.get(field.name()), normalize(envelope.get(field.name())));
    }
    for (Schema.Field field : record.getSchema().getFields()) {
      if (!field.name().equals("envelope")) {
        row.put(field.name().toLowerCase(Locale.ROOT), normalize(record.get(field.name())));
      }
    }
    return row;
  }

  /** Values in the terms a JDBC read gives back: text, numbers, booleans, instants. */
  static Object normalize(Object value) {
    if (value == null
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Instant) {
      return value;
    }
    return value.toString();
  }
}
