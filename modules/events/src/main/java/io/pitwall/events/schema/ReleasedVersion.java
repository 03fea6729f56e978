package io.pitwall.events.schema;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The schemas of one released version of Pitwall, as frozen in {@code avro/released/<version>/}:
 * the top-level schema of each file, with the types it names from the other files resolved.
 *
 * @param version the version, e.g. {@code 0.2}
 * @param schemas one named schema per released file
 */
public record ReleasedVersion(String version, List<Schema> schemas) {

  /** Copies the list, so that the version cannot change after it was loaded. */
  public ReleasedVersion {
    schemas = List.copyOf(schemas);
  }
}
