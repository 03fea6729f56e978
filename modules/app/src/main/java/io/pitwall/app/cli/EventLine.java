package io.pitwall.app.cli;

import io.pitwall.app.config.SourcePlugins;
import org.apache.avro.specific.SpecificRecord;

/** One readable line per event, starting with its type name: {@code TrophyEarned psn:… …}. */
public final class EventLine {

  private EventLine() {}

  /** Formats an event: its type's line, or its type name and fields for an unknown type. */
  public static String format(SpecificRecord event) {
    return SourcePlugins.installed()
        .eventTypeOf(event)
        .map(type -> type.line(event))
        .orElseGet(() -> event.getSchema().getName() + " " + event);
  }
}
