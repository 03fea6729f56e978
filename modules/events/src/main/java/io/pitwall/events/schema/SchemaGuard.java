package io.pitwall.events.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Holds the current schemas to Pitwall's compatibility promise: FULL_TRANSITIVE with every released
 * version, that is, for each released schema and the current schema of the same full name, old
 * readers read new events <em>and</em> new readers read old events (Avro's {@link
 * SchemaCompatibility} decides; this class names what breaks). A released type that no current
 * schema defines any more is a problem too: its readers still expect it.
 *
 * <p>Pure: it reads nothing and returns every problem at once, one build-style message each, e.g.
 * {@code io.pitwall.events.TrophyEarned is not compatible with released 0.2 (old readers cannot
 * read new events): field 'trophyName' is not in the current schema and has no default in the
 * released schema}.
 */
public final class SchemaGuard {

  private SchemaGuard() {}

  /**
   * Checks {@code current} against every released version.
   *
   * @param current the top-level schemas Pitwall writes today; the named types they use (the
   *     envelope, shared enums) are found through them
   * @param released the released versions, e.g. from {@link ReleasedSchemas#load}
   * @return every problem, in version order; empty when the promise holds
   */
  public static List<String> check(Collection<Schema> current, List<ReleasedVersion> released) {
    List<String> problems = new ArrayList<>();
    Map<String, Schema> named = namedTypes(current, problems);
    for (ReleasedVersion version : released) {
      for (Schema old : version.schemas()) {
        checkOne(old, counterpart(old, named), version.version(), problems);
      }
    }
    return problems;
  }

  private static void checkOne(Schema old, Schema now, String version, List<String> problems) {
    if (!isNamed(old)) {
      problems.add(
          "A released schema of "
              + version
              + " is not a named type ("
              + old.getType().getName()
              + "): every released file must define a record, enum or fixed");
      return;
    }
    if (now == null) {
      problems.add(
          old.getFullName()
              + " was released in "
              + version
              + " but no current schema defines it: readers and sinks of "
              + version
              + " still expect it (a removed type); keep it");
      return;
    }
    for (ReadDirection direction : ReadDirection.values()) {
      Schema reader = direction == ReadDirection.OLD_READERS_NEW_EVENTS ? old : now;
      Schema writer = direction == ReadDirection.OLD_READERS_NEW_EVENTS ? now : old;
      if (SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
          == SchemaCompatibilityType.COMPATIBLE) {
        continue;
      }
      for (String detail : Incompatibilities.explain(reader, writer, direction)) {
        problems.add(
            now.getFullName()
                + " is not compatible with released "
                + version
                + " ("
                + direction.failure()
                + "): "
                + detail);
      }
    }
  }

  /** The current type of the released one's name, or one that names it as an alias. */
  private static Schema counterpart(Schema old, Map<String, Schema> named) {
    if (!isNamed(old)) {
      return null;
    }
    Schema same = named.get(old.getFullName());
    if (same != null) {
      return same;
    }
    return named.values().stream()
        .filter(s -> s.getAliases().contains(old.getFullName()))
        .findFirst()
        .orElse(null);
  }

  /**
   * Every named type the current schemas define, by full name; a name defined twice differently is
   * a problem.
   */
  private static Map<String, Schema> namedTypes(Collection<Schema> current, List<String> problems) {
    Map<String, Schema> named = new LinkedHashMap<>();
    for (Schema schema : current) {
      collect(schema, named, problems);
    }
    return named;
  }

  private static void collect(Schema schema, Map<String, Schema> named, List<String> problems) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        Schema seen = named.putIfAbsent(schema.getFullName(), schema);
        if (seen != null) {
          if (!seen.equals(schema)) {
            problems.add(
                schema.getFullName()
                    + " is defined differently by two current schemas: every schema must use the"
                    + " same definition of a shared type");
          }
          return;
        }
        if (schema.getType() == Schema.Type.RECORD) {
          schema.getFields().forEach(f -> collect(f.schema(), named, problems));
        }
      }
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, named, problems));
      case ARRAY -> collect(schema.getElementType(), named, problems);
      case MAP -> collect(schema.getValueType(), named, problems);
      default -> {
        // primitives define no name
      }
    }
  }

  private static boolean isNamed(Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }
}
