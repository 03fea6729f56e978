package io.pitwall.events.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A real, in-process registry for unit tests: ids are assigned per distinct schema. */
final class InMemoryRegistry implements SchemaRegistryClient {

  private final List<Schema> schemas = new ArrayList<>();
  final Map<String, List<Integer>> subjects = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int index = schemas.indexOf(schema);
    if (index < 0) {
      schemas.add(schema);
      index = schemas.size() - 1;
    }
    int id = index + 1;
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    if (id < 1 || id > schemas.size()) {
      throw new SchemaRegistryException("Schema " + id + " not found", 404, null);
    }
    return schemas.get(id - 1);
  }
}
