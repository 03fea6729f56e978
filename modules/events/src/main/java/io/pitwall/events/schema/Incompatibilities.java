package io.pitwall.events.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Explains why a reader schema cannot read a writer schema, one sentence per broken field and with
 * the field's path ({@code envelope.source}). Avro's {@link SchemaCompatibility} decides at every
 * step; this class walks the two schemas side by side so that each sentence names the field even
 * where Avro's own locations lose it (inside unions).
 */
final class Incompatibilities {

  private final ReadDirection direction;
  private final List<String> out = new ArrayList<>();
  private final Set<List<Schema>> visited = new HashSet<>();

  private Incompatibilities(ReadDirection direction) {
    this.direction = direction;
  }

  /**
   * Every reason why {@code reader} cannot read {@code writer}; never empty when Avro finds them
   * incompatible.
   */
  static List<String> explain(Schema reader, Schema writer, ReadDirection direction) {
    Incompatibilities walk = new Incompatibilities(direction);
    walk.walk("", reader, writer);
    if (walk.out.isEmpty()) {
      for (Incompatibility raw :
          SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
              .getResult()
              .getIncompatibilities()) {
        walk.out.add(raw.getType() + " at " + raw.getLocation() + ": " + raw.getMessage());
      }
    }
    return walk.out;
  }

  private void walk(String path, Schema reader, Schema writer) {
    if (compatible(reader, writer)) {
      return;
    }
    if (reader.getType() == Schema.Type.RECORD
        && writer.getType() == Schema.Type.RECORD
        && SchemaCompatibility.schemaNameEquals(reader, writer)) {
      if (visited.add(List.of(reader, writer))) {
        fields(path, reader, writer);
      }
    } else if (reader.getType() == Schema.Type.UNION || writer.getType() == Schema.Type.UNION) {
      branches(path, reader, writer);
    } else if (reader.getType() == Schema.Type.ARRAY && writer.getType() == Schema.Type.ARRAY) {
      walk(path + "[]", reader.getElementType(), writer.getElementType());
    } else if (reader.getType() == Schema.Type.MAP && writer.getType() == Schema.Type.MAP) {
      walk(path + "{}", reader.getValueType(), writer.getValueType());
    } else {
      for (Incompatibility incompatibility :
          SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
              .getResult()
              .getIncompatibilities()) {
        out.add(leaf(path, reader, writer, incompatibility));
      }
    }
  }

  private void fields(String path, Schema reader, Schema writer) {
    for (Schema.Field field : reader.getFields()) {
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      Schema.Field written = SchemaCompatibility.lookupWriterField(writer, field);
      if (written != null) {
        walk(fieldPath, field.schema(), written.schema());
      } else if (!field.hasDefaultValue()) {
        out.add(
            "field '"
                + fieldPath
                + "' is not in the "
                + direction.writerSide()
                + " schema and has no default in the "
                + direction.readerSide()
                + " schema"
                + (direction == ReadDirection.NEW_READERS_OLD_EVENTS
                    ? " (give the new field a default)"
                    : " (a field without a default can never be removed)"));
      }
    }
  }

  /** A union on either side: each branch the writer may write needs a reader branch for it. */
  private void branches(String path, Schema reader, Schema writer) {
    List<Schema> written =
        writer.getType() == Schema.Type.UNION ? writer.getTypes() : List.of(writer);
    for (Schema branch : written) {
      if (compatible(reader, branch)) {
        continue;
      }
      Schema match = sameKind(reader, branch);
      if (match != null && match.getType() != Schema.Type.UNION) {
        walk(path, match, branch);
      } else {
        out.add(
            subject(path)
                + ": the "
                + direction.readerSide()
                + " type "
                + describe(reader)
                + " cannot read "
                + describe(branch)
                + " written by the "
                + direction.writerSide()
                + " schema");
      }
    }
  }

  /** The reader type (or reader union branch) of the same kind and name as a writer branch. */
  private static Schema sameKind(Schema reader, Schema branch) {
    List<Schema> candidates =
        reader.getType() == Schema.Type.UNION ? reader.getTypes() : List.of(reader);
    for (Schema candidate : candidates) {
      if (candidate.getType() == branch.getType()
          && (!isNamed(branch) || SchemaCompatibility.schemaNameEquals(candidate, branch))) {
        return candidate;
      }
    }
    return null;
  }

  private String leaf(String path, Schema reader, Schema writer, Incompatibility incompatibility) {
    String subject = subject(path);
    return switch (incompatibility.getType()) {
      case MISSING_ENUM_SYMBOLS ->
          subject
              + ": enum "
              + reader.getFullName()
              + " of the "
              + direction.readerSide()
              + " schema has no symbol "
              + incompatibility.getMessage()
              + " that the "
              + direction.writerSide()
              + " schema writes, and no default symbol"
              + (direction == ReadDirection.OLD_READERS_NEW_EVENTS
                  ? " (old readers fail on the new symbol; only an enum with a default may grow)"
                  : "");
      case TYPE_MISMATCH ->
          subject
              + ": the "
              + direction.readerSide()
              + " type "
              + describe(reader)
              + " cannot read "
              + describe(writer)
              + " written by the "
              + direction.writerSide()
              + " schema";
      case NAME_MISMATCH ->
          subject
              + ": the "
              + direction.readerSide()
              + " type "
              + reader.getFullName()
              + " cannot read "
              + writer.getFullName()
              + " written by the "
              + direction.writerSide()
              + " schema"
              + (direction == ReadDirection.OLD_READERS_NEW_EVENTS
                  ? " (old readers know only the released name: a type cannot be renamed)"
                  : " (give the current type the released name as an alias)");
      case FIXED_SIZE_MISMATCH ->
          subject
              + ": fixed "
              + reader.getFullName()
              + " changed size ("
              + incompatibility.getMessage()
              + ")";
      default ->
          subject
              + ": "
              + incompatibility.getMessage()
              + " (at "
              + incompatibility.getLocation()
              + ")";
    };
  }

  private static String subject(String path) {
    return path.isEmpty() ? "the schema itself" : "field '" + path + "'";
  }

  private static String describe(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
      case UNION ->
          schema.getTypes().stream()
              .map(Incompatibilities::describe)
              .collect(java.util.stream.Collectors.joining(" | ", "[", "]"));
      case ARRAY -> "array of " + describe(schema.getElementType());
      case MAP -> "map of " + describe(schema.getValueType());
      default -> schema.getType().getName();
    };
  }

  private static boolean compatible(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibilityType.COMPATIBLE;
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }
}
