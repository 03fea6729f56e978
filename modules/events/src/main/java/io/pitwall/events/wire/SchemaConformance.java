package io.pitwall.events.wire;

import org.apache.avro.Conversion;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;

/**
 * Checks a record against its schema before it is written, so that a bad record is refused with the
 * path of the offending field ({@code TrophyEarned.envelope.accountId}) instead of a bare exception
 * from deep inside the encoder.
 */
public final class SchemaConformance {

  private SchemaConformance() {}

  /**
   * Checks every field of {@code record}, recursively.
   *
   * @param model the data model of the record (knows its logical-type conversions)
   * @throws InvalidEventException naming the first field that does not match
   */
  public static void check(IndexedRecord record, GenericData model) {
    checkRecord(record.getSchema().getName(), record.getSchema(), record, model);
  }

  private static void checkRecord(
      String path, Schema schema, IndexedRecord record, GenericData model) {
    for (Schema.Field field : schema.getFields()) {
      checkValue(path + "." + field.name(), field.schema(), record.get(field.pos()), model);
    }
  }

  private static void checkValue(String path, Schema schema, Object value, GenericData model) {
    String problem = problem(path, schema, value, model);
    if (problem != null) {
      throw new InvalidEventException(problem);
    }
  }

  /** Returns null when {@code value} matches {@code schema}, else a description naming the path. */
  private static String problem(String path, Schema schema, Object value, GenericData model) {
    switch (schema.getType()) {
      case UNION -> {
        for (Schema branch : schema.getTypes()) {
          if (problem(path, branch, value, model) == null) {
            return null;
          }
        }
        return "Invalid value for field "
            + path
            + ": "
            + describe(value)
            + " matches none of "
            + schema;
      }
      case RECORD -> {
        if (!(value instanceof IndexedRecord nested)
            || !nested.getSchema().getFullName().equals(schema.getFullName())) {
          return "Invalid value for field "
              + path
              + ": expected a "
              + schema.getFullName()
              + " record, got "
              + describe(value);
        }
        for (Schema.Field field : schema.getFields()) {
          String inner =
              problem(path + "." + field.name(), field.schema(), nested.get(field.pos()), model);
          if (inner != null) {
            return inner;
          }
        }
        return null;
      }
      default -> {
        Object raw = toRaw(schema, value, model);
        if (model.validate(schema, raw)) {
          return null;
        }
        return "Invalid value for field "
            + path
            + ": "
            + describe(value)
            + " is not a valid "
            + (schema.getLogicalType() != null
                ? schema.getLogicalType().getName()
                : schema.getType().getName());
      }
    }
  }

  private static Object toRaw(Schema schema, Object value, GenericData model) {
    LogicalType logicalType = schema.getLogicalType();
    if (value == null || logicalType == null) {
      return value;
    }
    Conversion<?> conversion = model.getConversionByClass(value.getClass(), logicalType);
    if (conversion == null) {
      return value;
    }
    try {
      return Conversions.convertToRawType(value, schema, logicalType, conversion);
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
