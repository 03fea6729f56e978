package io.pitwall.events;

import io.pitwall.source.api.EventType;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Renders the event catalogue (topic, key, every field with its type and doc) as Markdown from the
 * Avro schemas, so that the README's catalogue is generated from, and checked against, the schemas
 * themselves.
 */
public final class EventCatalogue {

  private EventCatalogue() {}

  /** The kernel's own event: a watch's poll outcome changed. */
  public static final EventType WATCH_STATUS_CHANGED =
      EventType.of(
          WatchStatusChanged.class,
          "watch-status",
          w ->
              (w.getPreviousStatus() == null ? "(start)" : w.getPreviousStatus())
                  + " -> "
                  + w.getStatus()
                  + ": "
                  + w.getReason());

  /** The catalogue of the given event types, for topic prefix {@code prefix}. */
  public static String markdown(String prefix, List<EventType> types) {
    StringBuilder out = new StringBuilder();
    for (EventType type : types) {
      Schema schema = type.schema();
      out.append("### ").append(type.typeName()).append("\n\n");
      out.append(schema.getDoc()).append("\n\n");
      out.append("Topic `")
          .append(type.topic(prefix))
          .append("`, subject `")
          .append(type.topic(prefix))
          .append("-value`.\n\n");
      table(out, schema.getFields(), "");
      out.append("\n");
    }
    return out.toString();
  }

  private static void table(StringBuilder out, List<Schema.Field> fields, String prefix) {
    if (prefix.isEmpty()) {
      out.append("| field | type | description |\n|---|---|---|\n");
    }
    for (Schema.Field field : fields) {
      out.append("| `")
          .append(prefix)
          .append(field.name())
          .append("` | ")
          .append(typeName(field.schema()))
          .append(" | ")
          .append(field.doc().replace("|", "\\|"))
          .append(" |\n");
      if (field.schema().getType() == Schema.Type.RECORD) {
        table(out, field.schema().getFields(), prefix + field.name() + ".");
      }
    }
  }

  /**
   * A short, readable type: {@code string}, {@code long (timestamp-millis)}, {@code enum X {A, B}},
   * {@code null | int}.
   */
  static String typeName(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    return switch (schema.getType()) {
      case UNION ->
          schema.getTypes().stream()
              .map(EventCatalogue::typeName)
              .collect(Collectors.joining(" \\| "));
      case ENUM ->
          "enum " + schema.getName() + " {" + String.join(", ", schema.getEnumSymbols()) + "}";
      case RECORD -> "record " + schema.getName();
      default ->
          schema.getType().getName() + (logical == null ? "" : " (" + logical.getName() + ")");
    };
  }
}
