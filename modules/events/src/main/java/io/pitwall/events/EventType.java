package io.pitwall.events;

import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The catalogue of Pitwall's public events: each type's Avro class and the topic it is published on
 * (after the configurable prefix, {@code pitwall.} by default).
 */
public enum EventType {
  /** A PSN account earned a trophy. */
  TROPHY_EARNED(TrophyEarned.class, TrophyEarned.getClassSchema(), "psn.trophy-earned"),
  /** A GT driver's Driver Rating class went up or down. */
  DR_CLASS_CHANGED(DrClassChanged.class, DrClassChanged.getClassSchema(), "gt.dr-class-changed"),
  /** A GT driver's Safety Rating class went up or down. */
  SAFETY_RATING_CHANGED(
      SafetyRatingChanged.class, SafetyRatingChanged.getClassSchema(), "gt.safety-rating-changed"),
  /** A watch's poll outcome changed. */
  WATCH_STATUS_CHANGED(
      WatchStatusChanged.class, WatchStatusChanged.getClassSchema(), "watch-status"),
  /** A GT driver's series round result appeared or changed. */
  SERIES_ROUND_SCORED(
      SeriesRoundScored.class, SeriesRoundScored.getClassSchema(), "gt.series-round-scored");

  private final Class<? extends SpecificRecord> recordClass;
  private final Schema schema;
  private final String topicSuffix;

  EventType(Class<? extends SpecificRecord> recordClass, Schema schema, String topicSuffix) {
    this.recordClass = recordClass;
    this.schema = schema;
    this.topicSuffix = topicSuffix;
  }

  /** The Avro class of the event. */
  public Class<? extends SpecificRecord> recordClass() {
    return recordClass;
  }

  /** The event's Avro schema. */
  public Schema schema() {
    return schema;
  }

  /** The type name as it appears in logs and in {@code pitwall tail}, e.g. {@code TrophyEarned}. */
  public String typeName() {
    return schema.getName();
  }

  /** The topic of this event type, e.g. {@code pitwall.psn.trophy-earned} for prefix "pitwall.". */
  public String topic(String prefix) {
    return prefix + topicSuffix;
  }

  /** The event type of a record, if it is one of Pitwall's events. */
  public static Optional<EventType> of(SpecificRecord record) {
    return Arrays.stream(values()).filter(t -> t.recordClass.isInstance(record)).findFirst();
  }
}
