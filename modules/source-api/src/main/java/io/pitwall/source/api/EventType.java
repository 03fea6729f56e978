package io.pitwall.source.api;

import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One public event type: its Avro class and the topic it is published on (after the configurable
 * prefix, {@code pitwall.} by default). Each source plugin declares its own; the kernel declares
 * {@code WatchStatusChanged}.
 *
 * @param recordClass the generated Avro class
 * @param topicSuffix the topic after the prefix, e.g. {@code psn.trophy-earned}
 * @param summary what an event says, for one readable line after its type and key ({@code pitwall
 *     tail}), e.g. {@code "Title" [PS5] gold ...}
 */
public record EventType(
    Class<? extends SpecificRecord> recordClass,
    String topicSuffix,
    Function<SpecificRecord, String> summary) {

  /**
   * A type whose events are summarised by their typed fields.
   *
   * @param summary the summary of one event of this type
   */
  public static <T extends SpecificRecord> EventType of(
      Class<T> recordClass, String topicSuffix, Function<T, String> summary) {
    return new EventType(recordClass, topicSuffix, e -> summary.apply(recordClass.cast(e)));
  }

  /** One readable line: type name, key and label, summary. */
  public String line(SpecificRecord event) {
    Object envelope = event.get(event.getSchema().getField("envelope").pos());
    String key = "?";
    if (envelope instanceof io.pitwall.events.Envelope e) {
      key =
          e.getSource()
              + ":"
              + e.getAccountId()
              + (e.getWatchLabel() == null ? "" : " (" + e.getWatchLabel() + ")");
    }
    return typeName() + " " + key + " " + summary.apply(event);
  }

  /** The event's Avro schema. */
  public Schema schema() {
    try {
      return (Schema) recordClass.getMethod("getClassSchema").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(recordClass + " is not a generated Avro class", e);
    }
  }

  /** The type name as it appears in logs and in {@code pitwall tail}, e.g. {@code TrophyEarned}. */
  public String typeName() {
    return recordClass.getSimpleName();
  }

  /** The topic of this event type, e.g. {@code pitwall.psn.trophy-earned} for prefix "pitwall.". */
  public String topic(String prefix) {
    return prefix + topicSuffix;
  }
}
