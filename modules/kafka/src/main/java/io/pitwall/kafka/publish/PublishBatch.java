package io.pitwall.kafka.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one poll (or one batch of polls) publishes atomically: its events and the new state of every
 * watch it covered.
 *
 * @param events the events, in order
 * @param states encoded new states by watch key
 */
public record PublishBatch(List<OutgoingEvent> events, Map<String, byte[]> states) {

  public PublishBatch {
    events = List.copyOf(events);
    states = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** A batch for one watch. */
  public PublishBatch(List<OutgoingEvent> events, String stateKey, byte[] state) {
    this(events, Map.of(stateKey, state));
  }
}
