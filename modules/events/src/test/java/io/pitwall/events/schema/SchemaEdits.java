package io.pitwall.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/** Edits a schema's JSON the way a developer edits an .avsc file, for the guard's tests. */
public final class SchemaEdits {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaEdits() {}

  /** A copy of {@code schema} with {@code edit} applied to its JSON. */
  public static Schema edited(Schema schema, Consumer<ObjectNode> edit) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(schema.toString());
      edit.accept(json);
      return new Schema.Parser().parse(JSON.writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field named {@code name} of a record's JSON. */
  public static ObjectNode field(ObjectNode record, String name) {
    for (JsonNode field : record.withArray("fields")) {
      if (field.get("name").asText().equals(name)) {
        return (ObjectNode) field;
      }
    }
    throw new IllegalArgumentException("no field " + name + " in " + record.get("name"));
  }

  /** Removes the field named {@code name} from a record's JSON. */
  public static void removeField(ObjectNode record, String name) {
    ArrayNode fields = record.withArray("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals(name)) {
        fields.remove(i);
        return;
      }
    }
    throw new IllegalArgumentException("no field " + name + " in " + record.get("name"));
  }

  /** Appends a field given as JSON to a record's JSON. */
  public static void addField(ObjectNode record, String fieldJson) {
    try {
      record.withArray("fields").add(JSON.readTree(fieldJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
