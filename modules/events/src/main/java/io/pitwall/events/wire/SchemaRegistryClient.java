package io.pitwall.events.wire;

import org.apache.avro.Schema;

/** The two schema registry operations the wire format needs. */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (or finds it already registered) and returns its
   * id.
   *
   * @throws SchemaRegistryException when the registry refuses the schema or cannot be reached
   */
  int register(String subject, Schema schema);

  /**
   * Returns the schema with this id.
   *
   * @throws SchemaRegistryException when there is no such id or the registry cannot be reached
   */
  Schema schemaById(int id);
}
