package io.pitwall.events.schema;

import io.pitwall.events.EventType;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The one list of the schemas Pitwall writes today, which {@link SchemaGuard} holds against every
 * released version. The types they name (the envelope, shared enums) are found through them.
 *
 * <p>Today every event is generated in this module, so the list is the event catalogue's; when the
 * schemas move to the source plugins, this is the one place to list the plugins' declared schemas
 * instead.
 */
public final class CurrentSchemas {

  private CurrentSchemas() {}

  /** The top-level schema of every event type Pitwall publishes. */
  public static List<Schema> all() {
    return Arrays.stream(EventType.values()).map(EventType::schema).toList();
  }
}
