package io.pitwall.source.api;

import org.apache.avro.specific.SpecificRecord;

/**
 * One event to publish.
 *
 * @param topic its topic
 * @param key its key, {@code <source>:<accountId>}
 * @param value the Avro event
 */
public record OutgoingEvent(String topic, String key, SpecificRecord value) {}
